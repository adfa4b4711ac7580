// The first hop of a neighborhood, most specific first (specificity: see graph/schema.py) (further hops: expand_far.cypher). Ids, weights
// and sentence counts only (the store computes co-occurrence NPMI from them): a hub's first hop reads
// up to five times the node limit and keeps few of the rows, so the details of what is kept are
// read afterwards.
MATCH (a:Entity)-[r]-(b:Entity)
WHERE a.id IN $ids
  AND r.weight >= $min_weight
  AND (size($rels) = 0 OR type(r) IN $rels)
  AND (size($types) = 0 OR b.type IN $types)
RETURN a.id AS from_id, b.id AS node_id, b.sentences AS sentences, r.id AS id,
       type(r) AS type, startNode(r).id AS source, r.weight AS weight,
       coalesce(r.specificity, r.weight) AS specificity
ORDER BY specificity DESC
LIMIT $cap
