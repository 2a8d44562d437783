// WebSocket support for the whole app (the live feed and GraphQL subscriptions share it), with one rule
// for slow clients: whoever lets more than MAX_BUFFERED bytes pile up unsent is disconnected, so a stalled
// phone cannot make the server's memory grow without bound. Each route also caps the connections one
// client address may hold open.
import fastifyWebsocket from '@fastify/websocket';
import type { WebsocketHandler } from '@fastify/websocket';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { WebSocket } from 'ws';

export const MAX_BUFFERED = 1_048_576;
const SWEEP_MS = 1_000;

export interface WebSocketLimits {
  /** GraphQL subscriptions one connection may hold at once; one more is answered with an error. */
  readonly subscriptionsPerConnection: number;
  /** GraphQL WebSocket connections one client address may hold open; 0 for no limit. */
  readonly graphqlConnectionsPerAddress: number;
  /** /live connections one client address may hold open; 0 for no limit. */
  readonly liveConnectionsPerAddress: number;
  /** A GraphQL connection without connection_init after this long is closed with 4408. */
  readonly connectionInitTimeoutMs: number;
}

// A town hall's office or a school shares one address behind NAT: enough for a room of readers, not a flood.
export const defaultWebSocketLimits: WebSocketLimits = {
  subscriptionsPerConnection: 100,
  graphqlConnectionsPerAddress: 10,
  liveConnectionsPerAddress: 20,
  connectionInitTimeoutMs: 10_000,
};

/** Close code and reason for a connection past its address's limit: 1013, try again later. */
export const TOO_MANY_CONNECTIONS = { code: 1013, reason: 'OD_TOO_MANY_CONNECTIONS Πολλές συνδέσεις / Too many connections' } as const;

export interface ConnectionsPerAddress {
  /** Counts the socket against its address until it closes; false (and not counted) past the limit. */
  readonly admit: (address: string, socket: WebSocket) => boolean;
}

export const connectionsPerAddress = (max: number): ConnectionsPerAddress => {
  const open = new Map<string, number>();
  return {
    admit(address, socket) {
      const count = open.get(address) ?? 0;
      if (max > 0 && count >= max) return false;
      open.set(address, count + 1);
      socket.once('close', () => {
        const left = (open.get(address) ?? 1) - 1;
        if (left > 0) open.set(address, left);
        else open.delete(address);
      });
      return true;
    },
  };
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Answers WebSocket upgrades of a GET route whose HTTP handler belongs to someone else (mercurius'
     * /graphql): set here, before @fastify/websocket looks at the route.
     */
    webSocket?: WebsocketHandler;
  }
}

const websockets: FastifyPluginAsync = async (app) => {
  // Registered before @fastify/websocket, so its own onRoute hook finds the handler in place.
  app.addHook('onRoute', (route) => {
    const handler = route.config?.webSocket;
    if (handler && route.method === 'GET') route.wsHandler = handler;
  });
  await app.register(fastifyWebsocket, { options: { maxPayload: 65_536, perMessageDeflate: false } });
  const sweep = setInterval(() => {
    for (const client of app.websocketServer.clients) if (client.bufferedAmount > MAX_BUFFERED) client.terminate();
  }, SWEEP_MS);
  sweep.unref();
  app.addHook('onClose', async () => clearInterval(sweep));
};

export const websocketsPlugin = fp(websockets, { name: 'opendimos-websockets', fastify: '5.x' });
