MATCH (d:Document {id: $id})
RETURN d.contribution AS contribution
