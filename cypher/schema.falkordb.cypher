// FalkorDB: range indexes; FalkorDB has no IF NOT EXISTS, the store skips indexes that exist.
CREATE INDEX FOR (e:Entity) ON (e.id);
CREATE INDEX FOR (e:Entity) ON (e.name);
CREATE INDEX FOR (d:Document) ON (d.id);
CREATE INDEX FOR (f:Form) ON (f.key);
