// Exact name or alias first, then prefix, then substring; most mentioned first within a rank.
MATCH (e:Entity)
WHERE ($type IS NULL OR e.type = $type)
  AND (e.name CONTAINS $q OR any(a IN e.aliases WHERE a CONTAINS $q))
WITH e, CASE
    WHEN e.name = $q OR $q IN e.aliases THEN 0
    WHEN e.name STARTS WITH $q OR any(a IN e.aliases WHERE a STARTS WITH $q) THEN 1
    ELSE 2 END AS rank
RETURN properties(e) AS entity, rank
ORDER BY rank, e.mentions DESC, e.name
LIMIT $limit
