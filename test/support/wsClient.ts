// Small WebSocket clients for tests: a message queue over `ws`, and GraphQL subscriptions in both the
// graphql-transport-ws protocol and the legacy graphql-ws one.
import WebSocket from 'ws';

export interface QueuedSocket {
  readonly socket: WebSocket;
  readonly messages: unknown[];
  /** The next message matching `predicate` (waiting for it), removed from the queue. */
  readonly next: <T = Record<string, unknown>>(predicate?: (m: Record<string, unknown>) => boolean, timeoutMs?: number) => Promise<T>;
  readonly closed: Promise<number>;
  readonly close: () => void;
}

export const openSocket = async (url: string, protocol?: string): Promise<QueuedSocket> => {
  const socket = new WebSocket(url, protocol);
  const messages: Record<string, unknown>[] = [];
  const waiters = new Set<() => void>();
  socket.on('message', (data: Buffer) => {
    messages.push(JSON.parse(data.toString('utf8')) as Record<string, unknown>);
    for (const wake of waiters) wake();
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const next = async <T,>(predicate: (m: Record<string, unknown>) => boolean = () => true, timeoutMs = 5_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = messages.findIndex(predicate);
      if (index >= 0) return messages.splice(index, 1)[0] as T;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching message within ${timeoutMs} ms; have ${JSON.stringify(messages).slice(0, 500)}`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, left);
        waiters.add(wake);
      });
    }
  };
  return { socket, messages, next, closed, close: () => socket.close() };
};

/** Starts a subscription; resolves once the server acknowledged the connection. */
export const subscribe = async (url: string, query: string, variables: Record<string, unknown> = {}, protocol: 'graphql-transport-ws' | 'graphql-ws' = 'graphql-transport-ws') => {
  const client = await openSocket(url, protocol);
  client.socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
  await client.next((m) => m.type === 'connection_ack');
  const start = protocol === 'graphql-transport-ws' ? 'subscribe' : 'start';
  client.socket.send(JSON.stringify({ id: '1', type: start, payload: { query, variables } }));
  // Neither protocol acknowledges a subscription: give the server a moment to register it, since a
  // subscription only sees what is published after that.
  await new Promise((r) => setTimeout(r, 300));
  const dataType = protocol === 'graphql-transport-ws' ? 'next' : 'data';
  return {
    ...client,
    nextData: async <T,>(timeoutMs?: number) => (await client.next<{ payload: { data: T } }>((m) => m.type === dataType, timeoutMs)).payload.data,
  };
};
