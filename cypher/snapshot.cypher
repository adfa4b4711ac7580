// Everything a user can see, for comparing two states of the graph (tests, rebuild checks).
MATCH (e:Entity)
OPTIONAL MATCH (e)-[r]->(o:Entity)
RETURN properties(e) AS entity, collect([type(r), o.id, properties(r)]) AS relations
ORDER BY entity.id
