// Signs in, creates, queries, patches and deletes restaurants with the generated DTOs (dtos.ts, from /types/typescript)
// and @servicestack/client's JsonServiceClient.api(), reads a validation error, then survives an expired access token.
// Runs against the native-types test server (then also echoes every shape, shapes.ts) or, with BAAS_SERVER=myapp,
// against MyApp signed in as an Owner. Run: BAAS_BASE_URL=http://localhost:5000 node out/main.js (after tsc -p .).
// It prints one 'ok <step>' line per step; after 'waiting-for-expiry' it reads a line from stdin (the test expires the
// tokens meanwhile).
import { JsonServiceClient } from '@servicestack/client';
import { Authenticate, CreateRestaurant, DeleteRestaurant, PatchRestaurant, QueryRestaurants } from './dtos';

declare const process: { env: Record<string, string | undefined>; stdin: any; exit(code: number): void };
declare function require(name: string): any;

const myApp = process.env.BAAS_SERVER === 'myapp';

function check(condition: unknown, message: string): asserts condition {
    if (!condition) throw new Error(message);
}

function readLine(): Promise<void> {
    return new Promise(resolve => {
        const lines = require('readline').createInterface({ input: process.stdin });
        lines.once('line', () => { lines.close(); resolve(); });
        lines.once('close', () => resolve());
    });
}

async function main() {
    const client = new JsonServiceClient(process.env.BAAS_BASE_URL ?? 'http://localhost:5000');
    const run = Date.now().toString(36); // names of this run, so runs against a shared server do not meet

    const anonymous = await client.api(new CreateRestaurant({ name: 'Anonymous', cuisine: 'None' }));
    check(anonymous.failed, 'an anonymous create must be refused');
    console.log('ok anonymous-refused');

    // #region snippet:ts-sign-in
    const auth = await client.api(new Authenticate({
        provider: 'credentials',
        userName: process.env.BAAS_USER ?? 'ann@example.org',
        password: process.env.BAAS_PASSWORD ?? 'correct horse',
    }));
    check(auth.succeeded && auth.response?.bearerToken && auth.response.refreshToken, 'sign-in answered no tokens');
    client.bearerToken = auth.response.bearerToken;
    client.refreshToken = auth.response.refreshToken;
    // #endregion
    console.log('ok signed-in');

    const ids: number[] = [];
    for (const [name, cuisine] of [[`TS ${run} One`, `Thai ${run}`], [`TS ${run} Two`, `thai ${run} street`], [`TS ${run} Pizza`, `Italian ${run}`]]) {
        const created = await client.api(new CreateRestaurant({ name, cuisine, isOpen: true }));
        check(created.succeeded && created.response?.id, `create failed: ${JSON.stringify(created.error)}`);
        ids.push(Number(created.response.id));
    }
    console.log('ok created', ids.length);

    // #region snippet:ts-query
    const page = await client.api(new QueryRestaurants({
        cuisineContains: `thai ${run}`, orderBy: 'name', skip: 0, take: 1, include: 'total',
    }));
    // #endregion
    check(page.succeeded && page.response, `query failed: ${JSON.stringify(page.error)}`);
    check(page.response.total === 2, `total ${page.response.total}`);
    check(page.response.results?.length === 1 && page.response.results[0].name === `TS ${run} One`, `first page ${JSON.stringify(page.response.results)}`);
    const second = await client.api(new QueryRestaurants({ cuisineContains: `thai ${run}`, orderBy: 'name', skip: 1, take: 1 }));
    check(second.response?.results?.[0]?.name === `TS ${run} Two`, `second page ${JSON.stringify(second.response)}`);
    const rated = await client.api(new QueryRestaurants({ cuisineContains: run, ratingGreaterThan: 4, include: 'total' }));
    check(rated.succeeded && rated.response?.total === 0, `new restaurants have no rating yet: ${JSON.stringify(rated.response)}`);
    console.log('ok queried');

    const patched = await client.api(new PatchRestaurant({ id: ids[1], name: `TS ${run} Alpha` }));
    check(patched.succeeded && Number(patched.response!.id) === ids[1], `patch failed: ${JSON.stringify(patched.error)}`);
    const top = await client.api(new QueryRestaurants({ cuisineContains: `thai ${run}`, orderBy: 'name', take: 1 }));
    check(top.response?.results?.[0]?.name === `TS ${run} Alpha` && top.response.results[0].cuisine === `thai ${run} street`, 'patch did not keep unsent fields');
    console.log('ok patched');

    const deleted = await client.apiVoid(new DeleteRestaurant({ id: ids[2] }));
    check(deleted.succeeded, `delete failed: ${JSON.stringify(deleted.error)}`);
    const left = await client.api(new QueryRestaurants({ cuisineContains: run, include: 'total' }));
    check(left.response?.total === 2 && !left.response.results?.some(r => r.id === ids[2]), 'deleted restaurant still listed');
    console.log('ok deleted');

    // #region snippet:ts-errors
    const invalid = await client.api(new CreateRestaurant({ name: '' }));
    check(invalid.failed, 'an invalid create must be refused');
    check(invalid.fieldErrorMessage('name') === "'Name' must not be empty.", 'field error');
    // #endregion
    check(invalid.error?.errors?.find(e => e.fieldName === 'Name')?.errorCode === 'NotEmpty', `Name error ${JSON.stringify(invalid.error)}`);
    // A number out of range: the test server's Rating (0 to 5), MyApp's DeliveryMinutes (5 to 180).
    const [field, value] = myApp ? ['DeliveryMinutes', 1] : ['Rating', 7];
    const outOfRange = await client.api(Object.assign(new CreateRestaurant({ name: 'x' }), { [field.charAt(0).toLowerCase() + field.slice(1)]: value }));
    check(outOfRange.error?.errors?.find(e => e.fieldName === field)?.errorCode === 'InclusiveBetween', `${field} error ${JSON.stringify(outOfRange.error)}`);
    console.log('ok validation', invalid.fieldErrorMessage('name'));

    if (!myApp) {
        await require('./shapes').runShapes(client);
        console.log('ok shapes');
    }

    console.log('waiting-for-expiry');
    await readLine();
    const old = client.bearerToken;
    const refreshed = await client.api(new CreateRestaurant({ name: 'After refresh', cuisine: 'Any' }));
    check(refreshed.succeeded && client.bearerToken !== old, `the call after expiry did not refresh: ${JSON.stringify(refreshed.error)}`);
    console.log('ok refreshed');
}

// Exit at once: fetch's keep-alive sockets and stdin would otherwise hold node open.
main().then(() => { console.log('done'); process.exit(0); }, e => { console.error(e); process.exit(1); });
