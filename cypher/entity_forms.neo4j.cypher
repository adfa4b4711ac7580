MATCH (f:Form)-[:NAMES]->(e:Entity)
WHERE e.id IN $ids
RETURN e.id AS entity, f.key AS key
