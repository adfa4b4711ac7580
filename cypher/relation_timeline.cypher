// Typed relations with the dates of their earliest and latest evidence (of one entity where $entity
// is given), for timelines.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) IN $rels AND r.first_seen IS NOT NULL AND ($entity IS NULL OR a.id = $entity OR b.id = $entity)
RETURN type(r) AS type, a.name AS head, b.name AS tail, r.title AS title, r.weight AS weight,
       r.first_seen AS first_seen, r.last_seen AS last_seen
