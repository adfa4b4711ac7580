// Neo4j: uniqueness constraints (which also index) and a name index; idempotent.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT form_key IF NOT EXISTS FOR (f:Form) REQUIRE f.key IS UNIQUE;
CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name);
// one index per relation type of the schema ({type} is filled in for each)
CREATE INDEX rel_id_{type} IF NOT EXISTS FOR ()-[r:{type}]-() ON (r.id);
