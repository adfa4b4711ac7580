// How many relationships of a type there are: a count both stores read from their type statistics
// (a MATCH ... LIMIT 1 scanned every node of FalkorDB when the type had none).
// {type} is a relation type of the schema (checked against a whitelist before use).
MATCH ()-[r:{type}]->()
RETURN count(r) AS n
