MATCH (e:Entity)
RETURN e.id AS id
