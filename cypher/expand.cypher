// One hop out of a set of entities, strongest first; the store repeats it for deeper neighborhoods
// and computes co-occurrence NPMI from the sentence counts.
MATCH (a:Entity)-[r]-(b:Entity)
WHERE a.id IN $ids
  AND r.weight >= $min_weight
  AND (size($rels) = 0 OR type(r) IN $rels)
  AND (size($types) = 0 OR b.type IN $types)
RETURN a.id AS from_id, a.sentences AS from_sentences, properties(b) AS node, properties(r) AS rel,
       type(r) AS type, startNode(r).id AS source, endNode(r).id AS target
ORDER BY r.weight DESC
LIMIT $cap
