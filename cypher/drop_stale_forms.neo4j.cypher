UNWIND $rows AS row
MATCH (f:Form)-[n:NAMES]->(e:Entity {id: row.entity})
WHERE NOT f.key IN row.keys
DELETE n
