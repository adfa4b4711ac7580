// The contributions of every document that mentions one of the entities.
MATCH (d:Document)-[:MENTIONS]->(e:Entity)
WHERE e.id IN $ids
RETURN DISTINCT d.id AS id, d.contribution AS contribution
