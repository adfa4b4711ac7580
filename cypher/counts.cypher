MATCH (e:Entity)
WITH count(e) AS entities
OPTIONAL MATCH (:Entity)-[r]->(:Entity)
WITH entities, count(r) AS relationships
OPTIONAL MATCH (d:Document)
RETURN entities, relationships, count(d) AS documents
