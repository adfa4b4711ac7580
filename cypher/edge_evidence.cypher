// {type} is a relation type of the schema (checked against a whitelist before use); r.id is indexed.
MATCH ()-[r:{type}]->()
WHERE r.id IN $ids
RETURN r.id AS id, r.evidence AS evidence
