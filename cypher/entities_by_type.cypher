// Every entity's id, name and type (of one type where $type is given).
MATCH (e:Entity)
WHERE $type IS NULL OR e.type = $type
RETURN e.id AS id, e.name AS name, e.type AS type
