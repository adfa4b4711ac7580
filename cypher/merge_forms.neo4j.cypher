// Forms index every name and alias (and, for ORG, the name without legal suffix) of an entity,
// so that a new document's entities find the existing node.
UNWIND $rows AS row
MATCH (e:Entity {id: row.entity})
MERGE (f:Form {key: row.key})
MERGE (f)-[:NAMES]->(e)
