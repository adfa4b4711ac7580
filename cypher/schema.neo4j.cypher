// Neo4j: uniqueness constraints (which also index) and a name index; idempotent.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT form_key IF NOT EXISTS FOR (f:Form) REQUIRE f.key IS UNIQUE;
CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name);
CREATE INDEX rel_id_partners_with IF NOT EXISTS FOR ()-[r:PARTNERS_WITH]-() ON (r.id);
CREATE INDEX rel_id_issued IF NOT EXISTS FOR ()-[r:ISSUED]-() ON (r.id);
CREATE INDEX rel_id_holds_role IF NOT EXISTS FOR ()-[r:HOLDS_ROLE]-() ON (r.id);
CREATE INDEX rel_id_participates_in IF NOT EXISTS FOR ()-[r:PARTICIPATES_IN]-() ON (r.id);
CREATE INDEX rel_id_subsidiary_of IF NOT EXISTS FOR ()-[r:SUBSIDIARY_OF]-() ON (r.id);
CREATE INDEX rel_id_regulates IF NOT EXISTS FOR ()-[r:REGULATES]-() ON (r.id);
CREATE INDEX rel_id_invests_in IF NOT EXISTS FOR ()-[r:INVESTS_IN]-() ON (r.id);
CREATE INDEX rel_id_co_occurs IF NOT EXISTS FOR ()-[r:CO_OCCURS]-() ON (r.id);
