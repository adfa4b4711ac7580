// {label} is one of ORG, PERSON, POLICY, PROJECT (checked against a whitelist before use).
// A node for each entity an added article names, made only where none exists: an existing node
// keeps its names and keys (which later articles of the same batch resolve against) until the
// batch's recompute writes it whole.
UNWIND $rows AS row
MERGE (e:Entity:{label} {id: row.id})
ON CREATE SET e.name = row.name, e.type = row.type, e.aliases = row.aliases, e.mentions = row.mentions,
    e.sentences = row.sentences, e.document_count = row.document_count, e.first_seen = row.first_seen,
    e.last_seen = row.last_seen, e.merge_reasons = row.merge_reasons, e.keys = row.keys
