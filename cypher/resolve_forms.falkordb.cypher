// FalkorDB indexes list elements, so every name and alias key lives on the entity itself.
UNWIND $keys AS key
MATCH (e:Entity)
WHERE key IN e.keys
RETURN key, e.id AS id
