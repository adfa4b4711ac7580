MATCH (d:Document)
RETURN sum(d.sentences) AS total
