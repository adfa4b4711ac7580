// {type} is a relation type of the schema (checked against a whitelist before use).
UNWIND $rows AS row
MATCH (a:Entity {id: row.head})
MATCH (b:Entity {id: row.tail})
MERGE (a)-[r:{type} {id: row.id}]->(b)
SET r.weight = row.weight, r.specificity = row.specificity, r.title = row.title, r.documents = row.documents,
    r.document_count = row.document_count, r.evidence = row.evidence, r.evidence_sentences = row.evidence_sentences,
    r.evidence_total = row.evidence_total, r.npmi = row.npmi,
    r.rules = row.rules, r.first_seen = row.first_seen, r.last_seen = row.last_seen
