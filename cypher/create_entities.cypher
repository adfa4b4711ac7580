// First load of a label that holds no entity yet: CREATE, twice as fast as MERGE.
// {label} is one of ORG, PERSON, POLICY, PROJECT (checked against a whitelist before use).
UNWIND $rows AS row
CREATE (e:Entity:{label})
SET e = row
