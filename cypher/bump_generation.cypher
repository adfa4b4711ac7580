MERGE (m:Meta {id: 'graph'})
SET m.generation = coalesce(m.generation, 0) + 1
