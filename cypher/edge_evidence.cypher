// {type} is a relation type of the schema (checked against a whitelist before use); r.id is indexed.
// The store sends one such part per relation type it needs, joined by UNION ALL: one round trip.
MATCH ()-[r:{type}]->()
WHERE r.id IN $ids_{type}
RETURN r.id AS id, r.title AS title, r.document_count AS document_count, r.evidence_total AS evidence_total,
       r.evidence AS evidence
