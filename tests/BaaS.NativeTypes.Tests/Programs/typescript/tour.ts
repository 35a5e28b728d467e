// The README's TypeScript tour of MyApp: @servicestack/client with MyApp's DTOs (dtos.ts, saved from /types/typescript).
// A customer signs in, browses, orders; the owner and a courier move the order along while the customer follows it,
// live over server events (@servicestack/client's ServerEventsClient) and by asking.
// Run against MyApp (the demo users' passwords are printed when it first starts):
//   MYAPP_URL=http://localhost:5000 CUSTOMER_PASSWORD=... OWNER_PASSWORD=... COURIER_PASSWORD=... node out/tour.js
import { JsonServiceClient, ServerEventsClient } from '@servicestack/client';
import { EventSource } from 'eventsource';
import {
    Authenticate, OrderLine, OrderStatus, OrderStatusChanged, PlaceOrder, QueryMenuItems, QueryMyOrders, QueryRestaurants, ReviewOrder,
    UpdateOrderStatus,
} from './dtos';

declare const process: { env: Record<string, string | undefined>; exit(code: number): void };

// Node has no EventSource: the `eventsource` package's (the client refers to the global's constants), one that sends
// a bearer token with the stream's request (a browser's own EventSource sends the session cookie instead).
(globalThis as any).EventSource = EventSource;
function eventSourceWith(token: string) {
    return class extends EventSource {
        constructor(url: string | URL, init?: { withCredentials?: boolean }) {
            super(url, { ...init, fetch: (input, options) => fetch(input, { ...options, headers: { ...options?.headers, Authorization: `Bearer ${token}` } }) });
        }
    };
}

async function tour() {
    // #region snippet:readme-typescript-tour
    const baseUrl = process.env.MYAPP_URL ?? 'http://localhost:5000';
    async function signIn(userName: string, password?: string) {
        const client = new JsonServiceClient(baseUrl);
        const auth = await client.post(new Authenticate({ provider: 'credentials', userName, password }));
        client.bearerToken = auth.bearerToken!;
        client.refreshToken = auth.refreshToken!;   // renews the access token when it expires
        return client;
    }
    const customer = await signIn('customer@example.com', process.env.CUSTOMER_PASSWORD);

    // Browse: open restaurants, best rated first, and one's menu
    const [thai] = (await customer.get(new QueryRestaurants({ cuisineContains: 'thai' }))).results!;
    const menu = (await customer.get(new QueryMenuItems({ restaurantId: thai.id }))).results!;

    // Order: priced from the menu, delivered to the address in the customer's profile; the Idempotency-Key makes a
    // retry answer this same order instead of placing a second one
    customer.headers.set('Idempotency-Key', crypto.randomUUID());
    const order = await customer.post(new PlaceOrder({
        restaurantId: thai.id,
        items: [new OrderLine({ menuItemId: menu[0].id, quantity: 2 })],
    }));
    customer.headers.delete('Idempotency-Key');
    console.log(`placed order ${order.id} at ${thai.name}: ${order.total}, expected at ${order.estimatedDeliveryAt}`);

    // Follow it live: MyApp publishes OrderStatusChanged on the order's channel after each move (server events)
    let connected!: () => void, delivered!: () => void;
    const [onConnect, arrived] = [new Promise<void>(r => connected = r), new Promise<void>(r => delivered = r)];
    const events = new ServerEventsClient(baseUrl, [`order-${order.id}`], {
        handlers: {
            onConnect: () => connected(),
            OrderStatusChanged: (e: OrderStatusChanged) => {
                console.log(`live: order ${e.orderId} is ${e.status}`);
                if (e.status === OrderStatus.Delivered) delivered();
            },
        },
    });
    events.EventSource = eventSourceWith(customer.bearerToken!) as any;   // node only: see the top of the file
    events.serviceClient.bearerToken = customer.bearerToken!;        // for its heartbeats
    events.start();
    await onConnect;

    // The owner and a courier move it along; the customer follows it
    const owner = await signIn('owner@example.com', process.env.OWNER_PASSWORD);
    const courier = await signIn('courier@example.com', process.env.COURIER_PASSWORD);
    const moves: [JsonServiceClient, OrderStatus][] = [
        [owner, OrderStatus.Accepted], [owner, OrderStatus.Preparing],
        [courier, OrderStatus.OutForDelivery], [courier, OrderStatus.Delivered],
    ];
    for (const [who, status] of moves) {
        await who.post(new UpdateOrderStatus({ id: order.id, status }));
        const [mine] = (await customer.get(new QueryMyOrders({ id: order.id }))).results!;
        console.log(`order ${mine.id} is ${mine.status}`);
    }
    await arrived;
    await events.stop();

    // A delivered order can be reviewed, once
    await customer.post(new ReviewOrder({ orderId: order.id, rating: 5, comment: 'Still hot' }));

    // Errors name the field: api() answers them instead of throwing
    const refused = await customer.api(new PlaceOrder({ restaurantId: thai.id, items: [] }));
    console.log(refused.error?.errors?.[0]?.fieldName, refused.errorMessage);   // Items 'Items' must not be empty.
    // #endregion
    if (refused.succeeded || refused.error?.errors?.[0]?.errorCode !== 'NotEmpty') throw new Error('an empty order must be refused');
}

tour().then(() => { console.log('done'); process.exit(0); }, e => { console.error(e); process.exit(1); });
