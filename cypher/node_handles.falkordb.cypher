// FalkorDB: the node id of each entity id, read once before a bulk relationship load so that its
// rows find their endpoints by node id (see merge_relations_by_node).
MATCH (e:Entity)
WHERE e.id IN $ids
RETURN e.id AS id, id(e) AS node
