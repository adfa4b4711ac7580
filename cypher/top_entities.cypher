// For each entity type: how many entities it has, and its most mentioned ones.
MATCH (e:Entity)
WITH e ORDER BY e.mentions DESC, e.name
WITH e.type AS type, collect(properties(e)) AS ranked, count(e) AS total
RETURN type, total, ranked[0..$per_type] AS top
ORDER BY total DESC, type
