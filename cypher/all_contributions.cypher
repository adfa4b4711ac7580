MATCH (d:Document)
RETURN d.id AS id, d.contribution AS contribution
ORDER BY id
