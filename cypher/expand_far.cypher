// A further hop out of many entities: the same rows as expand.cypher, but without the ordering, so
// the database stops after $cap rows instead of sorting every edge of every entity (the store sorts).
MATCH (a:Entity)-[r]-(b:Entity)
WHERE a.id IN $ids
  AND r.weight >= $min_weight
  AND (size($rels) = 0 OR type(r) IN $rels)
  AND (size($types) = 0 OR b.type IN $types)
RETURN a.id AS from_id, a.sentences AS from_sentences, b.id AS node_id, b.name AS name, b.type AS node_type,
       b.aliases AS aliases, b.mentions AS mentions, b.sentences AS sentences, b.document_count AS documents,
       b.first_seen AS first_seen, b.last_seen AS last_seen, r.id AS id, type(r) AS type,
       startNode(r).id AS source, endNode(r).id AS target, r.weight AS weight, r.title AS title,
       r.document_count AS document_count, r.evidence_total AS evidence_total
LIMIT $cap
