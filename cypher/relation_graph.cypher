// Every relationship between entities, for analytics over the whole graph (co-occurrence only
// where asked for).
MATCH (a:Entity)-[r]->(b:Entity)
WHERE $co_occurrence OR type(r) <> 'CO_OCCURS'
RETURN a.id AS head, b.id AS tail, type(r) AS type, r.weight AS weight, r.specificity AS specificity
