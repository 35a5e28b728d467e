// Signs in, creates, queries, patches and deletes restaurants with the generated DTOs (dtos.ts, from /types/typescript)
// and @servicestack/client's JsonServiceClient.api(), then echoes every shape and survives an expired access token.
// Run: BAAS_BASE_URL=http://localhost:5000 node out/main.js (after tsc -p .). It prints one 'ok <step>' line per step;
// after 'waiting-for-expiry' it reads a line from stdin (the test expires the tokens meanwhile).
import { JsonServiceClient } from '@servicestack/client';
import {
    AllShapes, Authenticate, CreateRestaurant, DeleteRestaurant, EchoShapes, GetPointsPage, GetStock, Inner, Page, Pair,
    PatchRestaurant, Point, Priority, QueryRestaurants, Status, Toppings,
} from './dtos';

declare const process: { env: Record<string, string | undefined>; stdin: any; exit(code: number): void };
declare function require(name: string): any;

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
    for (const [name, cuisine, rating] of [['TS Thai One', 'Thai', 4.5], ['TS Thai Two', 'thai street', 3.9], ['TS Pizza', 'Italian', 4.8]] as const) {
        const created = await client.api(new CreateRestaurant({ name, cuisine, rating, isOpen: true }));
        check(created.succeeded && created.response?.id, `create failed: ${JSON.stringify(created.error)}`);
        ids.push(Number(created.response.id));
    }
    console.log('ok created', ids.length);

    // #region snippet:ts-query
    const page = await client.api(new QueryRestaurants({
        cuisineContains: 'thai', ratingGreaterThan: 3.5, orderBy: '-rating', skip: 0, take: 1, include: 'total',
    }));
    // #endregion
    check(page.succeeded && page.response, `query failed: ${JSON.stringify(page.error)}`);
    check(page.response.total === 2, `total ${page.response.total}`);
    check(page.response.results?.length === 1 && page.response.results[0].name === 'TS Thai One', `first page ${JSON.stringify(page.response.results)}`);
    const second = await client.api(new QueryRestaurants({ cuisineContains: 'thai', orderBy: '-rating', skip: 1, take: 1 }));
    check(second.response?.results?.[0]?.name === 'TS Thai Two', `second page ${JSON.stringify(second.response)}`);
    console.log('ok queried');

    const patched = await client.api(new PatchRestaurant({ id: ids[1], rating: 4.9 }));
    check(patched.succeeded && Number(patched.response!.id) === ids[1], `patch failed: ${JSON.stringify(patched.error)}`);
    const top = await client.api(new QueryRestaurants({ cuisineContains: 'thai', orderBy: '-rating', take: 1 }));
    check(top.response?.results?.[0]?.name === 'TS Thai Two' && top.response.results[0].cuisine === 'thai street', 'patch did not keep unsent fields');
    console.log('ok patched');

    const deleted = await client.apiVoid(new DeleteRestaurant({ id: ids[2] }));
    check(deleted.succeeded, `delete failed: ${JSON.stringify(deleted.error)}`);
    const left = await client.api(new QueryRestaurants({ include: 'total' }));
    check(!left.response?.results?.some(r => r.id === ids[2]), 'deleted restaurant still listed');
    console.log('ok deleted');

    // #region snippet:ts-errors
    const invalid = await client.api(new CreateRestaurant({ name: '', rating: 7 }));
    check(invalid.failed, 'an invalid create must be refused');
    check(invalid.fieldErrorMessage('name') === "'Name' must not be empty.", 'field error');
    // #endregion
    const nameError = invalid.error?.errors?.find(e => e.fieldName === 'Name');
    check(nameError?.errorCode === 'NotEmpty', `Name error ${JSON.stringify(invalid.error)}`);
    check(invalid.error?.errors?.find(e => e.fieldName === 'Rating')?.errorCode === 'InclusiveBetween', 'Rating error');
    check(invalid.fieldErrorMessage('name') === "'Name' must not be empty.", `fieldErrorMessage ${invalid.fieldErrorMessage('name')}`);
    console.log('ok validation', invalid.fieldErrorMessage('name'));

    const shapes = new AllShapes({
        label: 'ts', int: 42, long: 9007199254740991, double: 1.5, decimal: 1234.5, bool: true, text: 'héllo, "world"',
        nullableBool: false, dateTime: '2026-11-22T10:30:15.2500000Z', dateOnly: '2026-02-28', timeOnly: '18:30:05',
        timeSpan: 'PT1H30M1.5S', nullableTimeSpan: 'P2D', guid: '6f9619ff-8b86-d011-b42d-00cf4fc964ff', bytes: 'AAH+/w==',
        strings: ['a', 'b,c'], numbers: [1, 2, 3], points: [new Point({ x: 1, y: 2 })], pointArray: [new Point({ x: 3, y: 4 })],
        counts: { a: 1 }, pointsByName: { p: new Point({ x: 5, y: 6 }) }, listsByName: { l: [7, 8] },
        status: Status.InProgress, maybeStatus: Status.Done, toppings: Toppings.Cheese | Toppings.Basil, priority: Priority.High,
        nested: new Inner({ note: 'deep', depth: 2 }), pointPage: new Page<Point>({ number: 3, items: [new Point({ x: 9, y: 9 })] }),
        pages: [new Page<string>({ number: 1, items: ['x'] })], pair: new Pair<string, Point>({ key: 'k', value: new Point({ x: 0, y: 1 }) }),
    });
    const echo = await client.api(new EchoShapes({ shapes }));
    check(echo.succeeded && echo.response, `echo failed: ${JSON.stringify(echo.error)}`);
    const sent = JSON.parse(JSON.stringify(shapes));
    const got: any = echo.response.shapes;
    for (const key of Object.keys(sent))
        check(JSON.stringify(got[key]) === JSON.stringify(sent[key]), `${key}: sent ${JSON.stringify(sent[key])}, got ${JSON.stringify(got[key])}`);
    const points = await client.api(new GetPointsPage({ count: 3 }));
    check(points.response?.title === 'points' && points.response.items?.[2]?.y === 9, `points ${JSON.stringify(points.response)}`);
    const stock = await client.api(new GetStock());
    check(stock.response?.items?.[0]?.quantity === 3 && stock.response.featured?.price === 2.25, `stock ${JSON.stringify(stock.response)}`);
    console.log('ok shapes');

    console.log('waiting-for-expiry');
    await readLine();
    const old = client.bearerToken;
    const refreshed = await client.api(new CreateRestaurant({ name: 'After refresh', cuisine: 'Any', rating: 1 }));
    check(refreshed.succeeded && client.bearerToken !== old, `the call after expiry did not refresh: ${JSON.stringify(refreshed.error)}`);
    console.log('ok refreshed');
}

// Exit at once: fetch's keep-alive sockets and stdin would otherwise hold node open.
main().then(() => { console.log('done'); process.exit(0); }, e => { console.error(e); process.exit(1); });
