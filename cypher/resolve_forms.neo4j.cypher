// Neo4j does not index list elements: names and aliases are :Form nodes, indexed by key.
UNWIND $keys AS key
MATCH (f:Form {key: key})-[:NAMES]->(e:Entity)
RETURN key, e.id AS id
