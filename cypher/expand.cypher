// One hop out of a set of entities, strongest first; the store repeats it for deeper neighborhoods,
// computes co-occurrence NPMI from the sentence counts (a's it knows from the hop that reached a),
// and fetches the details of the nodes and edges it keeps.
MATCH (a:Entity)-[r]-(b:Entity)
WHERE a.id IN $ids
  AND r.weight >= $min_weight
  AND (size($rels) = 0 OR type(r) IN $rels)
  AND (size($types) = 0 OR b.type IN $types)
RETURN a.id AS from_id, b.id AS node_id, b.sentences AS sentences, r.id AS id,
       type(r) AS type, startNode(r).id AS source, r.weight AS weight
ORDER BY weight DESC
LIMIT $cap
