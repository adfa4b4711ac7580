// One breadth-first step of a path search: every edge out of a set of entities, unordered, so the
// database stops after $cap rows instead of sorting every edge of every entity. Ids and weights
// only; the details of the edges on the paths found are read afterwards.
MATCH (a:Entity)-[r]-(b:Entity)
WHERE a.id IN $ids
  AND r.weight >= $min_weight
  AND (size($rels) = 0 OR type(r) IN $rels)
  AND (size($types) = 0 OR b.type IN $types)
RETURN a.id AS from_id, b.id AS node_id, b.sentences AS sentences, r.id AS id,
       type(r) AS type, startNode(r).id AS source, r.weight AS weight,
       coalesce(r.specificity, r.weight) AS specificity
LIMIT $cap
