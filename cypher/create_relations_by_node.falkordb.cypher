// FalkorDB, bulk load of a relation type that has no relationship yet: endpoints are found by node
// id (row.h, row.t from node_handles), several times faster than two id-index lookups per row, and
// checked against their entity ids, so a node id freed and reused meanwhile links nothing; the
// store re-sends a batch through create_relations' key lookups when `written` falls short.
// {type} is a relation type of the schema (checked against a whitelist before use).
UNWIND $rows AS row
WITH row, row.h AS h, row.t AS t
MATCH (a) WHERE id(a) = h AND a.id = row.head
MATCH (b) WHERE id(b) = t AND b.id = row.tail
CREATE (a)-[r:{type} {id: row.id, weight: row.weight, title: row.title, documents: row.documents,
                      document_count: row.document_count, evidence: row.evidence,
                      evidence_total: row.evidence_total, rules: row.rules, first_seen: row.first_seen,
                      last_seen: row.last_seen}]->(b)
RETURN count(r) AS written
