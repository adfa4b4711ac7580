// {type} is a relation type of the schema (checked against a whitelist before use); r.id is indexed.
MATCH (a:Entity)-[r:{type}]->(b:Entity)
WHERE r.id = $id
RETURN r.id AS id, type(r) AS type, a.id AS head, b.id AS tail, r.title AS title, r.weight AS weight,
       r.documents AS documents, r.evidence_total AS evidence_total
