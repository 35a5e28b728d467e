// Uploads a dish photo the way a browser app does with @servicestack/client: the files in a FormData sent by
// client.apiForm(request, formData). Prints the answer as JSON. Run against the files test server:
// BAAS_BASE_URL=http://127.0.0.1:PORT BAAS_USER='7:olive|Owner|' BAAS_RESTAURANT=12 node upload.js
const { JsonServiceClient } = require('@servicestack/client');
const { readFileSync } = require('fs');

// What /types/typescript generates for the DTO, written out here so the program needs no compile step.
class CreateDish {
    constructor(init) { Object.assign(this, init); }
    getTypeName() { return 'CreateDish'; }
    getMethod() { return 'POST'; }
    createResponse() { return {}; }
}

async function main() {
    const client = new JsonServiceClient(process.env.BAAS_BASE_URL);
    client.headers.set('X-Test-User', process.env.BAAS_USER);
    const form = new FormData();
    form.append('photo', new Blob([readFileSync(process.argv[2])], { type: 'image/png' }), 'from-node.png');
    // The DTO's own values travel in the query string (apiForm appends them), the file in the form.
    const api = await client.apiForm(new CreateDish({ name: 'From node', restaurantId: Number(process.env.BAAS_RESTAURANT) }), form);
    console.log(JSON.stringify({ succeeded: api.succeeded, id: api.response?.id, error: api.error }));
}

main().catch(e => { console.error(e); process.exit(1); });
