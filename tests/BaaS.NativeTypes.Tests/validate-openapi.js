// Validates an OpenAPI document with @apidevtools/swagger-parser (schema and semantic checks; 3.1 supported):
// node validate-openapi.js openapi.json  -> prints "valid <version> <paths>" and exits 0, or prints the errors and exits 1.
const SwaggerParser = require('@apidevtools/swagger-parser');

SwaggerParser.validate(process.argv[2])
    .then(api => { console.log(`valid ${api.openapi} ${Object.keys(api.paths).length}`); })
    .catch(e => { console.error(e.message); if (e.details) console.error(JSON.stringify(e.details, null, 2)); process.exit(1); });
