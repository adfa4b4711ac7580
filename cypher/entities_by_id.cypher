MATCH (e:Entity)
WHERE e.id IN $ids
RETURN e.id AS id, e.name AS name, e.type AS type, e.aliases AS aliases, e.mentions AS mentions,
       e.sentences AS sentences, e.document_count AS document_count, e.first_seen AS first_seen,
       e.last_seen AS last_seen
