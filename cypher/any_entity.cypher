// {label} is one of ORG, PERSON, POLICY, PROJECT (checked against a whitelist before use).
MATCH (e:{label})
RETURN e.id AS id
LIMIT 1
