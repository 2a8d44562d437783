// The site's live feed: WebSocket at /live. Each change to the read models is serialised once and the same
// bytes go to every client; pings keep connections honest; a client that cannot keep up is dropped; one
// client address holds at most `perAddress` connections.
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { WebSocket } from 'ws';
import type { Change, ChangeFeed } from '../../projections/shared/changeFeed.ts';
import { MAX_BUFFERED, TOO_MANY_CONNECTIONS, connectionsPerAddress, defaultWebSocketLimits } from './websockets.ts';

export interface LiveOptions {
  readonly changes: ChangeFeed;
  /** Connections beyond this are refused with close code 1013 (try again later). */
  readonly maxClients?: number;
  /** Connections one client address may hold open (1013 past it); 0 for no limit. */
  readonly perAddress?: number;
  readonly heartbeatMs?: number;
}

export type LiveMessage =
  | { readonly type: 'hello'; readonly data: { readonly position: number } }
  | { readonly type: 'transaction'; readonly data: Change['transactions'][number] }
  | { readonly type: 'budgetLine'; readonly data: Change['budgetLines'][number] }
  | { readonly type: 'refresh'; readonly data: { readonly position: number } }
  /** The read models moved with no movement to announce (a council session's attendance, votes, results): pages of theirs ask again. */
  | { readonly type: 'position'; readonly data: { readonly position: number } };

declare module 'fastify' {
  interface FastifyInstance {
    /** Number of clients connected to /live in this process. */
    liveClients: () => number;
  }
}

const messagesOf = (change: Change): LiveMessage[] => {
  if (change.bulk) return [{ type: 'refresh', data: { position: change.position } }];
  const movements = [
    ...change.transactions.map((data): LiveMessage => ({ type: 'transaction', data })),
    ...change.budgetLines.map((data): LiveMessage => ({ type: 'budgetLine', data })),
  ];
  return movements.length > 0 ? movements : [{ type: 'position', data: { position: change.position } }];
};

const live: FastifyPluginAsync<LiveOptions> = async (app, options) => {
  const clients = new Set<WebSocket>();
  const alive = new WeakSet<WebSocket>();
  const maxClients = options.maxClients ?? 20_000;
  const perAddress = connectionsPerAddress(options.perAddress ?? defaultWebSocketLimits.liveConnectionsPerAddress);

  const send = (client: WebSocket, frame: Buffer) => {
    if (client.bufferedAmount > MAX_BUFFERED) client.terminate();
    else client.send(frame, { binary: false });
  };

  app.get('/live', { websocket: true }, (socket, request) => {
    if (clients.size >= maxClients) {
      socket.close(1013, 'busy');
      return;
    }
    if (!perAddress.admit(request.ip, socket)) {
      socket.close(TOO_MANY_CONNECTIONS.code, TOO_MANY_CONNECTIONS.reason);
      return;
    }
    clients.add(socket);
    alive.add(socket);
    socket.on('pong', () => alive.add(socket));
    socket.on('close', () => clients.delete(socket));
    // The feed speaks, it does not listen: anything a client sends is ignored.
    socket.on('message', () => undefined);
    send(socket, Buffer.from(JSON.stringify({ type: 'hello', data: { position: options.changes.position() } } satisfies LiveMessage)));
  });

  const unsubscribe = options.changes.subscribe((change) => {
    for (const message of messagesOf(change)) {
      const frame = Buffer.from(JSON.stringify(message));
      for (const client of clients) send(client, frame);
    }
  });

  const heartbeat = setInterval(() => {
    for (const client of clients) {
      if (!alive.has(client)) {
        client.terminate();
        continue;
      }
      alive.delete(client);
      client.ping();
    }
  }, options.heartbeatMs ?? 20_000);
  heartbeat.unref();

  app.decorate('liveClients', () => clients.size);
  app.addHook('onClose', async () => {
    clearInterval(heartbeat);
    unsubscribe();
    for (const client of clients) client.close(1001, 'server closing');
  });
};

export const livePlugin = fp(live, { name: 'opendimos-live', dependencies: ['opendimos-websockets'], fastify: '5.x' });
