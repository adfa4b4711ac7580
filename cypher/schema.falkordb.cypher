// FalkorDB: range indexes (e.keys indexes each element of the list: the name index entity
// resolution uses); FalkorDB has no IF NOT EXISTS, the store skips indexes that exist.
CREATE INDEX FOR (e:Entity) ON (e.id);
CREATE INDEX FOR (e:Entity) ON (e.name);
CREATE INDEX FOR (d:Document) ON (d.id);
CREATE INDEX FOR ()-[r:PARTNERS_WITH]-() ON (r.id);
CREATE INDEX FOR ()-[r:ISSUED]-() ON (r.id);
CREATE INDEX FOR ()-[r:HOLDS_ROLE]-() ON (r.id);
CREATE INDEX FOR ()-[r:PARTICIPATES_IN]-() ON (r.id);
CREATE INDEX FOR ()-[r:SUBSIDIARY_OF]-() ON (r.id);
CREATE INDEX FOR ()-[r:REGULATES]-() ON (r.id);
CREATE INDEX FOR ()-[r:INVESTS_IN]-() ON (r.id);
CREATE INDEX FOR ()-[r:CO_OCCURS]-() ON (r.id);
CREATE INDEX FOR (e:Entity) ON (e.keys);
