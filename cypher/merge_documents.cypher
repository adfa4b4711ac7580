UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d.document = row.document, d.title = row.title, d.date = row.date, d.url = row.url, d.source = row.source, d.format = row.format, d.pages = row.pages, d.author = row.author,
    d.sentences = row.sentences,
    d.text = row.text, d.contribution = row.contribution
