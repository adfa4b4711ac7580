// The newest articles: dated ones by date, then the undated.
MATCH (d:Document)
RETURN d.id AS id, d.title AS title, d.date AS date, d.source AS source
ORDER BY coalesce(d.date, '') DESC, d.id
LIMIT $limit
