// WebSocket support for the whole app (the live feed and GraphQL subscriptions share it), with one rule
// for slow clients: whoever lets more than MAX_BUFFERED bytes pile up unsent is disconnected, so a stalled
// phone cannot make the server's memory grow without bound.
import fastifyWebsocket from '@fastify/websocket';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';

export const MAX_BUFFERED = 1_048_576;
const SWEEP_MS = 1_000;

const websockets: FastifyPluginAsync = async (app) => {
  await app.register(fastifyWebsocket, { options: { maxPayload: 65_536, perMessageDeflate: false } });
  const sweep = setInterval(() => {
    for (const client of app.websocketServer.clients) if (client.bufferedAmount > MAX_BUFFERED) client.terminate();
  }, SWEEP_MS);
  sweep.unref();
  app.addHook('onClose', async () => clearInterval(sweep));
};

export const websocketsPlugin = fp(websockets, { name: 'opendimos-websockets', fastify: '5.x' });
