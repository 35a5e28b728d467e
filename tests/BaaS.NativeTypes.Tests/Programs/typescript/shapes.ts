// The shape steps of main.ts, for the native-types test server only (its DTOs have every shape; MyApp's do not):
// echoes every shape and reads generic responses. Loaded by main.ts when BAAS_SERVER is not 'myapp'.
import { JsonServiceClient } from '@servicestack/client';
import { AllShapes, EchoShapes, GetPointsPage, GetStock, Inner, Page, Pair, Point, Priority, Status, Toppings } from './dtos';

function check(condition: unknown, message: string): asserts condition {
    if (!condition) throw new Error(message);
}

export async function runShapes(client: JsonServiceClient): Promise<void> {
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
}
