// Reads {"name": "cypher text", ...} on stdin; prints {"name": [syntax errors]} using Neo4j's parser.
// "Parameter $x is not defined" is not a syntax error: parameters are supplied at run time.
const { lintCypherQuery, isNotParamError } = require('@neo4j-cypher/language-support');

let input = '';
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const queries = JSON.parse(input);
  const out = {};
  for (const [name, text] of Object.entries(queries)) {
    out[name] = lintCypherQuery(text, {}).diagnostics.filter(isNotParamError)
      .map((d) => ({ message: d.message, offset: d.offsets ? d.offsets.start : null }));
  }
  process.stdout.write(JSON.stringify(out));
});
