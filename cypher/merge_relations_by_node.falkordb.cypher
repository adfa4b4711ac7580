// FalkorDB, bulk load into a relation type that holds relationships: merge_relations with endpoints
// found by node id (row.h, row.t from node_handles), several times faster than two id-index lookups
// per row, and checked against their entity ids, so a node id freed and reused meanwhile links
// nothing; the store re-sends a batch through merge_relations' key lookups when `written` falls short.
// {type} is a relation type of the schema (checked against a whitelist before use).
UNWIND $rows AS row
WITH row, row.h AS h, row.t AS t
MATCH (a) WHERE id(a) = h AND a.id = row.head
MATCH (b) WHERE id(b) = t AND b.id = row.tail
MERGE (a)-[r:{type} {id: row.id}]->(b)
SET r.weight = row.weight, r.specificity = row.specificity, r.title = row.title, r.documents = row.documents,
    r.document_count = row.document_count, r.evidence = row.evidence, r.evidence_sentences = row.evidence_sentences,
    r.evidence_total = row.evidence_total, r.npmi = row.npmi,
    r.rules = row.rules, r.first_seen = row.first_seen, r.last_seen = row.last_seen
RETURN count(r) AS written
