// The stored articles of an input document (a digest is split into several), or the article itself.
MATCH (d:Document)
WHERE d.id = $id OR d.document = $id
RETURN d.id AS id
ORDER BY id
