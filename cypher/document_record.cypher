// One article: its properties, text and contribution included.
MATCH (d:Document {id: $id})
RETURN properties(d) AS document
