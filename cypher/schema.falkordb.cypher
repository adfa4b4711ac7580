// FalkorDB: range indexes (e.keys indexes each element of the list: the name index entity
// resolution uses); FalkorDB has no IF NOT EXISTS, the store skips indexes that exist.
CREATE INDEX FOR (e:Entity) ON (e.id);
CREATE INDEX FOR (e:Entity) ON (e.name);
CREATE INDEX FOR (d:Document) ON (d.id);
// one index per relation type of the schema ({type} is filled in for each)
CREATE INDEX FOR ()-[r:{type}]-() ON (r.id);
CREATE INDEX FOR (e:Entity) ON (e.keys);
