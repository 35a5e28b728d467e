// @servicestack/client's ServerEventsClient under node, with the EventSource of the `eventsource` npm package and the
// event DTOs from /types/typescript (dtos.ts): it connects to an order's channel, checks cmd.onConnect, lists the
// channel's subscribers, receives a typed OrderStatusChanged, and unregisters.
// Run: BAAS_BASE_URL=http://localhost:5000 BAAS_AUTH_HEADER=X-Test-User BAAS_AUTH_VALUE='ann|Customer' node out/main.js
// It prints one 'ok <step>' line per step; after 'waiting-for-event' the test publishes the order's new status.
import { ServerEventsClient } from '@servicestack/client';
import { EventSource } from 'eventsource';
import { OrderStatusChanged } from './dtos';

declare const process: { env: Record<string, string | undefined>; exit(code: number): void };

const baseUrl = process.env.BAAS_BASE_URL ?? 'http://localhost:5000';
const channel = process.env.BAAS_CHANNEL ?? 'order-1';
// The credentials every request carries: a bearer token in an app (Authorization), the test scheme's header here.
const authHeader = process.env.BAAS_AUTH_HEADER ?? 'Authorization';
const authValue = process.env.BAAS_AUTH_VALUE ?? '';

function check(condition: unknown, message: string): asserts condition {
    if (!condition) throw new Error(message);
}

// #region snippet:ts-server-events-eventsource
// Node has no EventSource: the `eventsource` package's, sending the credentials with the stream's request.
class AuthorizedEventSource extends EventSource {
    constructor(url: string | URL, init?: { withCredentials?: boolean }) {
        super(url, {
            ...init,
            fetch: (input, options) => fetch(input, { ...options, headers: { ...options?.headers, [authHeader]: authValue } }),
        });
    }
}
(globalThis as any).EventSource = AuthorizedEventSource;
// #endregion

async function main() {
    let client: ServerEventsClient | undefined;
    const received = new Promise<OrderStatusChanged>((resolve, reject) => {
        // #region snippet:ts-server-events-client
        client = new ServerEventsClient(baseUrl, [channel], {
            handlers: {
                onConnect: (sub: any) => {
                    check(sub.id && sub.heartbeatUrl && sub.unRegisterUrl, 'onConnect without id or URLs');
                    check(sub.userId === 'ann' && sub.isAuthenticated === true, `onConnect for ${sub.userId}`);
                    check(sub.channels === channel, `onConnect channels ${sub.channels}`);
                    console.log('ok connected', sub.heartbeatIntervalMs);
                    listSubscribers(client!).then(() => console.log('waiting-for-event'), reject);
                },
                OrderStatusChanged: (message: OrderStatusChanged, e: any) => {
                    check(e.channel === channel, `message on ${e.channel}`);
                    resolve(new OrderStatusChanged(message));
                },
            },
            onException: (e: any) => console.error('event stream error', e?.message ?? e),
        }).start();
        // #endregion
        client.serviceClient.headers.set(authHeader, authValue);
    });
    const status = await received;
    check(status instanceof OrderStatusChanged && status.status === 'Accepted' && status.id === 1, `received ${JSON.stringify(status)}`);
    console.log('ok OrderStatusChanged', status.status);
    await client!.stop(); // closes the stream and POSTs the unregister URL
    console.log('ok stopped');
    console.log('done');
}

async function listSubscribers(client: ServerEventsClient) {
    const users = await client.getChannelSubscribers();
    check(users.length === 1 && users[0].userId === 'ann' && users[0].channels?.[0] === channel, `subscribers ${JSON.stringify(users)}`);
    console.log('ok subscribers', users.length);
}

main().then(() => process.exit(0), e => { console.error(e); process.exit(1); });
