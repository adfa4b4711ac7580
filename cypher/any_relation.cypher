// {type} is a relation type of the schema (checked against a whitelist before use).
MATCH ()-[r:{type}]->()
RETURN r.id AS id
LIMIT 1
