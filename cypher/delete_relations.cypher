// {type} is a relation type of the schema (checked against a whitelist before use).
UNWIND $rows AS row
MATCH (a:Entity {id: row.head})-[r:{type} {id: row.id}]->(b:Entity {id: row.tail})
DELETE r
