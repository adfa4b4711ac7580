// The strongest typed relations of one entity (co-occurrence left out).
MATCH (e:Entity {id: $id})-[r]-(o:Entity)
WHERE type(r) <> 'CO_OCCURS'
RETURN properties(o) AS entity, type(r) AS type, r.weight AS weight, r.title AS title,
       coalesce(r.specificity, r.weight) AS specificity
ORDER BY specificity DESC, weight DESC, o.name
LIMIT $limit
