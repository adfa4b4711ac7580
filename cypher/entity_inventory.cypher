// Every entity with its dates, for what changed between two builds or two dates.
MATCH (e:Entity)
RETURN e.id AS id, e.name AS name, e.type AS type, e.first_seen AS first_seen, e.last_seen AS last_seen
