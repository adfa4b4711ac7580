// A further hop of a neighborhood, out of many entities: unordered, so the database stops after
// $cap rows instead of sorting every edge of every entity (the store sorts). Most of what such a
// hop reads is kept, so each row brings the details of its entity (node_*) and of its edge
// (title, counts, evidence): reading them afterwards by id took as long as the hop itself.
MATCH (a:Entity)-[r]-(b:Entity)
WHERE a.id IN $ids
  AND r.weight >= $min_weight
  AND (size($rels) = 0 OR type(r) IN $rels)
  AND (size($types) = 0 OR b.type IN $types)
RETURN a.id AS from_id, b.id AS node_id, b.sentences AS sentences, r.id AS id,
       type(r) AS type, startNode(r).id AS source, r.weight AS weight,
       coalesce(r.specificity, r.weight) AS specificity,
       b.name AS node_name, b.type AS node_type, b.aliases AS node_aliases, b.mentions AS node_mentions,
       b.document_count AS node_document_count, b.first_seen AS node_first_seen, b.last_seen AS node_last_seen,
       r.title AS title, r.document_count AS document_count, r.evidence_total AS evidence_total,
       r.evidence AS evidence
LIMIT $cap
