// The titles and dates of articles, for evidence that names them.
MATCH (d:Document)
WHERE d.id IN $ids
RETURN d.id AS id, d.title AS title, d.date AS date
