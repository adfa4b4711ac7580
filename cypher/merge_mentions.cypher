UNWIND $rows AS row
MATCH (d:Document {id: row.document})
MATCH (e:Entity {id: row.entity})
MERGE (d)-[m:MENTIONS]->(e)
SET m.count = row.count
