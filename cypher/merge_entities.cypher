// {label} is one of ORG, PERSON, POLICY, PROJECT (checked against a whitelist before use).
UNWIND $rows AS row
MERGE (e:Entity:{label} {id: row.id})
SET e.name = row.name, e.type = row.type, e.aliases = row.aliases, e.mentions = row.mentions,
    e.sentences = row.sentences, e.document_count = row.document_count, e.first_seen = row.first_seen,
    e.last_seen = row.last_seen, e.merge_reasons = row.merge_reasons, e.keys = row.keys
