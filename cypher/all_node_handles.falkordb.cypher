// FalkorDB: the node id of every entity, for a bulk load that names most of them (one label scan
// is cheaper than that many id-index lookups).
MATCH (e:Entity)
RETURN e.id AS id, id(e) AS node
