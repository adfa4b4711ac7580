// Every typed relation with the names of its ends and its dates, for what changed between two
// builds or two dates (co-occurrence left out).
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) <> 'CO_OCCURS'
RETURN r.id AS id, type(r) AS type, a.name AS head, b.name AS tail, r.title AS title,
       r.first_seen AS first_seen, r.last_seen AS last_seen
