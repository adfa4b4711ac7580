UNWIND $keys AS key
MATCH (f:Form {key: key})-[:NAMES]->(e:Entity)
RETURN key, e.id AS id
