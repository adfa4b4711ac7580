// How many entities carry a label: read from label statistics by both stores.
// {label} is one of ORG, PERSON, POLICY, PROJECT (checked against a whitelist before use).
MATCH (e:{label})
RETURN count(e) AS n
