// FalkorDB: the node id of every entity, for a bulk load that names most of them (one label scan
// is cheaper than that many id-index lookups); two lists in one row are read faster than many rows.
MATCH (e:Entity)
RETURN collect(e.id) AS ids, collect(id(e)) AS nodes
