UNWIND $keys AS key
MATCH (f:Form {key: key})
WHERE NOT EXISTS { (f)-[:NAMES]->() }
DELETE f
