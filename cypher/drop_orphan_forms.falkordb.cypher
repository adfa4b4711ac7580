UNWIND $keys AS key
MATCH (f:Form {key: key})
WHERE NOT (f)-[:NAMES]->()
DELETE f
