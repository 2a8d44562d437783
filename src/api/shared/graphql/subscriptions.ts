// GraphQL subscriptions over WebSocket at /graphql, in the graphql-transport-ws protocol and the legacy
// graphql-ws one, with limits: subscriptions per connection, connections per client address, connection_init
// in time and once, unique ids. Mercurius runs one execution and one JSON.stringify per subscription and
// event, and accepts any number of them (2,000 on one socket, ten sockets and a 50-row import ran the
// heap out); here subscriptions with the same query, operation and variables form one group, executed and
// serialised once per event, and every member gets those same bytes behind its own id.
import { createRequire } from 'node:module';
import type { WebsocketHandler } from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import type { DocumentNode, ExecutionResult, FieldNode, GraphQLError, GraphQLSchema } from 'graphql';
import { Kind, OperationTypeNode, execute, getArgumentValues, getOperationAST, getVariableValues, parse, specifiedRules, validate } from 'graphql';
import type { WebSocket } from 'ws';
import type { Change, ChangeFeed } from '../../../projections/shared/changeFeed.ts';
import type { BudgetLineView, TransactionFilter, TransactionView } from '../../../projections/ledger/index.ts';
import type { VoteView } from '../../../projections/council/index.ts';
import type { WebSocketLimits } from '../websockets.ts';
import { MAX_BUFFERED, TOO_MANY_CONNECTIONS, connectionsPerAddress } from '../websockets.ts';
import { depthAndCostRule } from './limits.ts';
import { matchesFilter } from './subscriptionFilter.ts';

/**
 * A subscription's query, operation name and variables together (as JSON) beyond this are refused: they and
 * the parsed document (at most ~100 KiB without locations) are kept while it lives, so one connection's
 * subscriptions hold at most about 100 × 110 KiB even if each is different.
 */
export const MAX_SUBSCRIPTION_CHARS = 4_096;
const MAX_ID_CHARS = 64;
/** WebSocket close reasons are at most 123 bytes. */
const MAX_REASON_BYTES = 123;

// Mercurius keeps its loaders behind these symbols (lib/symbols.js, outside its typed API); a subscription's
// nested fields (a movement's budgetLine) resolve through them, as under mercurius' own subscriptions.
const mercuriusSymbols = createRequire(import.meta.url)('mercurius/lib/symbols.js') as { readonly kLoaders: symbol; readonly kSubscriptionFactory: symbol };
interface LoadersFactory {
  readonly create: (context: object) => unknown;
}

interface Protocol {
  readonly start: string;
  readonly stop: string;
  readonly data: string;
  /** graphql-transport-ws closes the socket on protocol faults, with the codes of its specification. */
  readonly strict: boolean;
  /** The legacy protocol's keep-alive message ("ka"). */
  readonly keepAlive: Buffer | null;
}

const protocols: Readonly<Record<string, Protocol>> = {
  'graphql-transport-ws': { start: 'subscribe', stop: 'complete', data: 'next', strict: true, keepAlive: null },
  'graphql-ws': { start: 'start', stop: 'stop', data: 'data', strict: false, keepAlive: Buffer.from('{"type":"ka"}') },
};

interface Sources {
  readonly transactionRecorded: TransactionView;
  readonly budgetLineChanged: BudgetLineView;
  readonly councilVoteRecorded: VoteView;
}
type Field = keyof Sources;

/** Which published items a subscription wants, from its root field's arguments. */
const acceptors: { readonly [F in Field]: (args: Record<string, unknown>) => (item: Sources[F]) => boolean } = {
  transactionRecorded: (args: Record<string, unknown>) => {
    const filter = args.filter as TransactionFilter | null | undefined;
    return (item) => {
      try {
        return matchesFilter(item, filter);
      } catch {
        return false; // a filter with an invalid ΚΑΕ matches nothing
      }
    };
  },
  budgetLineChanged: (args) => (item) => item.year === args.year,
  councilVoteRecorded: (args) => (item) => args.sessionId === undefined || args.sessionId === null || item.sessionId === args.sessionId,
};
const isField = (name: string): name is Field => Object.hasOwn(acceptors, name);

interface Member {
  readonly socket: WebSocket;
  /** `{"type":"next","id":"…","payload":` made once; the group's payload and "}" follow it. */
  readonly head: Buffer;
}

interface Group {
  readonly key: string;
  readonly field: Field;
  readonly accepts: (item: never) => boolean;
  readonly document: DocumentNode;
  readonly variables: Record<string, unknown>;
  readonly operationName: string | undefined;
  readonly members: Set<Member>;
  /** Deliveries in order, even when an execution waits for a loader. */
  tail: Promise<void>;
}

type ErrorJson = { readonly message: string; readonly extensions?: { readonly code: string } };
const refusal = (code: string, el: string, en: string): ErrorJson[] => [{ message: `${el} / ${en}`, extensions: { code } }];
const asErrors = (errors: readonly GraphQLError[], code: string): ErrorJson[] =>
  errors.map((e) => ({ ...(e.toJSON() as ErrorJson), extensions: { code, ...e.extensions } }));

const BRACE = Buffer.from('}');
const frame = (message: Record<string, unknown>): Buffer => Buffer.from(JSON.stringify(message));

/** Sends unless the client has let too much pile up: then it is dropped, as on /live. */
const send = (socket: WebSocket, bytes: Buffer): void => {
  if (socket.readyState !== socket.OPEN) return;
  if (socket.bufferedAmount > MAX_BUFFERED) socket.terminate();
  else socket.send(bytes, { binary: false });
};

const closeWith = (socket: WebSocket, code: number, reason: string): void => {
  let fitted = reason;
  while (Buffer.byteLength(fitted) > MAX_REASON_BYTES) fitted = fitted.slice(0, -1);
  socket.close(code, fitted);
};

export interface SubscriptionServerOptions {
  /** The scope mercurius is registered in: its schema and loaders. */
  readonly app: FastifyInstance;
  readonly changes: ChangeFeed;
  readonly limits: WebSocketLimits;
  /** How often sockets are pinged (and legacy clients sent "ka"); an unanswered ping ends the connection. */
  readonly keepAliveMs?: number;
}

export interface SubscriptionServer {
  /** The WebSocket handler of GET /graphql. */
  readonly handler: WebsocketHandler;
  readonly close: () => void;
}

export const createSubscriptionServer = (options: SubscriptionServerOptions): SubscriptionServer => {
  const { app, limits } = options;
  const groups = new Map<string, Group>();
  const byField: { readonly [F in Field]: Set<Group> } = { transactionRecorded: new Set(), budgetLineChanged: new Set(), councilVoteRecorded: new Set() };
  const sockets = new Map<WebSocket, { alive: boolean; protocol: Protocol; acknowledged: boolean }>();
  const perAddress = connectionsPerAddress(limits.graphqlConnectionsPerAddress);
  const schema = (): GraphQLSchema => app.graphql.schema;

  const contextValue = (): object => {
    const context: Record<string | symbol, unknown> = { app };
    const factory = (app as unknown as Record<symbol, LoadersFactory | undefined>)[mercuriusSymbols.kSubscriptionFactory];
    context.reply = { [mercuriusSymbols.kLoaders]: factory?.create(context) };
    return context;
  };

  /** The group for this subscription, made (parsed, validated like a query) when it is the first; or why not. */
  const groupFor = (payload: unknown): Group | ErrorJson[] => {
    const { query, variables, operationName } = (payload ?? {}) as Record<string, unknown>;
    if (typeof query !== 'string') return refusal('OD_INVALID_SUBSCRIPTION', 'Λείπει το ερώτημα', 'The subscription has no query');
    const inputs = variables === undefined || variables === null ? {} : variables;
    if (typeof inputs !== 'object' || Array.isArray(inputs)) return refusal('OD_INVALID_SUBSCRIPTION', 'Οι μεταβλητές δεν είναι αντικείμενο', 'Variables must be an object');
    if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
      return refusal('OD_INVALID_SUBSCRIPTION', 'Μη έγκυρο όνομα λειτουργίας', 'Invalid operationName');
    }
    const key = JSON.stringify([query, operationName ?? null, inputs]);
    if (key.length > MAX_SUBSCRIPTION_CHARS) {
      return refusal(
        'OD_SUBSCRIPTION_TOO_LARGE',
        `Ερώτημα και μεταβλητές πάνω από ${MAX_SUBSCRIPTION_CHARS} χαρακτήρες`,
        `Query and variables longer than ${MAX_SUBSCRIPTION_CHARS} characters`,
      );
    }
    const known = groups.get(key);
    if (known) return known;

    let document: DocumentNode;
    try {
      // Without locations the kept document is a third of the size; errors still say what is wrong.
      document = parse(query, { noLocation: true });
    } catch (error) {
      return asErrors([error as GraphQLError], 'OD_INVALID_SUBSCRIPTION');
    }
    const invalid = validate(schema(), document, [...specifiedRules, depthAndCostRule]);
    if (invalid.length > 0) return asErrors(invalid, 'OD_INVALID_SUBSCRIPTION');
    const operation = getOperationAST(document, operationName ?? undefined);
    if (!operation || operation.operation !== OperationTypeNode.SUBSCRIPTION) {
      return refusal('OD_NOT_A_SUBSCRIPTION', 'Μόνο συνδρομές μέσω WebSocket· ερωτήματα με POST /graphql', 'Only subscriptions over WebSocket; queries go to POST /graphql');
    }
    const coerced = getVariableValues(schema(), operation.variableDefinitions ?? [], inputs as Record<string, unknown>);
    if (coerced.errors) return asErrors(coerced.errors, 'OD_INVALID_SUBSCRIPTION');
    const root = operation.selectionSet.selections[0];
    const fieldDef = root?.kind === Kind.FIELD ? schema().getSubscriptionType()?.getFields()[root.name.value] : undefined;
    if (!fieldDef || !isField(fieldDef.name)) {
      return refusal('OD_INVALID_SUBSCRIPTION', 'Το πεδίο της συνδρομής επιλέγεται απευθείας', "Select the subscription's field directly");
    }
    const args = getArgumentValues(fieldDef, root as FieldNode, coerced.coerced);
    const group: Group = {
      key,
      field: fieldDef.name,
      accepts: acceptors[fieldDef.name](args),
      document,
      variables: inputs as Record<string, unknown>,
      operationName: operationName ?? undefined,
      members: new Set(),
      tail: Promise.resolve(),
    };
    groups.set(key, group);
    byField[group.field].add(group);
    return group;
  };

  const leave = (group: Group, member: Member): void => {
    group.members.delete(member);
    if (group.members.size > 0) return;
    groups.delete(group.key);
    byField[group.field].delete(group);
  };

  const deliver = async (group: Group, payload: Record<string, unknown>): Promise<void> => {
    const result: ExecutionResult = await execute({
      schema: schema(),
      document: group.document,
      rootValue: payload,
      contextValue: contextValue(),
      variableValues: group.variables,
      operationName: group.operationName,
    });
    const bytes = Buffer.from(JSON.stringify(result));
    for (const member of group.members) send(member.socket, Buffer.concat([member.head, bytes, BRACE], member.head.length + bytes.length + 1));
  };

  const publish = <F extends Field>(field: F, item: Sources[F]): void => {
    for (const group of byField[field]) {
      if (!(group.accepts as (item: Sources[F]) => boolean)(item)) continue;
      group.tail = group.tail.then(() => deliver(group, { [field]: item })).catch((error: unknown) => app.log.error(error));
    }
  };

  const unsubscribe = options.changes.subscribe((change: Change) => {
    for (const transaction of change.transactions) publish('transactionRecorded', transaction);
    for (const line of change.budgetLines) publish('budgetLineChanged', line);
    for (const vote of change.councilVotes ?? []) publish('councilVoteRecorded', vote);
  });

  const open = (socket: WebSocket, protocol: Protocol): void => {
    const state = { alive: true, protocol, acknowledged: false };
    sockets.set(socket, state);
    const subscriptions = new Map<string, { readonly group: Group; readonly member: Member }>();
    const initTimer = setTimeout(() => {
      if (!state.acknowledged) closeWith(socket, 4408, 'Connection initialisation timeout');
    }, limits.connectionInitTimeoutMs);

    /** A protocol fault: graphql-transport-ws closes with its code, the legacy protocol answers with an error. */
    const fault = (code: number, reason: string, id?: string): void => {
      if (protocol.strict) closeWith(socket, code, reason);
      else send(socket, frame({ type: 'error', id, payload: [{ message: reason }] }));
    };
    const stop = (id: string): void => {
      const subscription = subscriptions.get(id);
      if (!subscription) return; // completed already, or never known: the specification says ignore it
      subscriptions.delete(id);
      leave(subscription.group, subscription.member);
    };

    const start = (id: unknown, payload: unknown): void => {
      if (!state.acknowledged) {
        if (protocol.strict) closeWith(socket, 4401, 'Unauthorized');
        else {
          send(socket, frame({ type: 'connection_error', payload: { message: 'Connection has not been established yet.' } }));
          socket.close();
        }
        return;
      }
      if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_CHARS) return fault(4400, `Invalid message received: id must be 1-${MAX_ID_CHARS} characters`);
      if (subscriptions.has(id)) {
        if (protocol.strict) return closeWith(socket, 4409, `Subscriber for ${id} already exists`);
        stop(id); // the legacy protocol restarts an operation under the same id
      }
      if (subscriptions.size >= limits.subscriptionsPerConnection) {
        const errors = refusal(
          'OD_TOO_MANY_SUBSCRIPTIONS',
          `Έως ${limits.subscriptionsPerConnection} συνδρομές ανά σύνδεση`,
          `At most ${limits.subscriptionsPerConnection} subscriptions per connection`,
        );
        return send(socket, frame({ type: 'error', id, payload: errors }));
      }
      const group = groupFor(payload);
      if (Array.isArray(group)) return send(socket, frame({ type: 'error', id, payload: group }));
      const member: Member = { socket, head: Buffer.from(`{"type":"${protocol.data}","id":${JSON.stringify(id)},"payload":`) };
      group.members.add(member);
      subscriptions.set(id, { group, member });
    };

    // Text frames arrive as one Buffer (ws' default binaryType).
    socket.on('message', (data: Buffer) => {
      state.alive = true;
      let message: { type?: unknown; id?: unknown; payload?: unknown };
      try {
        message = JSON.parse(data.toString()) as typeof message;
        if (message === null || typeof message !== 'object') throw new TypeError('not an object');
      } catch {
        return fault(4400, 'Invalid message received');
      }
      switch (message.type) {
        case 'connection_init':
          if (state.acknowledged) return closeWith(socket, 4429, 'Too many initialisation requests');
          clearTimeout(initTimer);
          state.acknowledged = true;
          send(socket, frame({ type: 'connection_ack' }));
          if (protocol.keepAlive) send(socket, protocol.keepAlive);
          return;
        case protocol.start:
          return start(message.id, message.payload);
        case protocol.stop:
          if (typeof message.id === 'string') stop(message.id);
          return;
        case 'ping':
          if (protocol.strict) send(socket, frame({ type: 'pong' }));
          return;
        case 'pong':
          return;
        case 'connection_terminate':
          if (!protocol.strict) return socket.close(1000);
          return fault(4400, 'Invalid message received');
        default:
          return fault(4400, `Invalid message received: unknown type`, typeof message.id === 'string' ? message.id : undefined);
      }
    });
    socket.on('pong', () => {
      state.alive = true;
    });
    socket.on('close', () => {
      clearTimeout(initTimer);
      sockets.delete(socket);
      for (const { group, member } of subscriptions.values()) leave(group, member);
      subscriptions.clear();
    });
  };

  const handler: WebsocketHandler = (socket, request) => {
    const protocol = protocols[socket.protocol];
    if (!protocol) return closeWith(socket, 4406, 'Subprotocol not acceptable');
    if (!perAddress.admit(request.ip, socket)) return closeWith(socket, TOO_MANY_CONNECTIONS.code, TOO_MANY_CONNECTIONS.reason);
    open(socket, protocol);
  };

  const heartbeat = setInterval(() => {
    for (const [socket, state] of sockets) {
      if (!state.alive) {
        socket.terminate();
        continue;
      }
      state.alive = false;
      socket.ping();
      if (state.protocol.keepAlive && state.acknowledged) send(socket, state.protocol.keepAlive);
    }
  }, options.keepAliveMs ?? 25_000);
  heartbeat.unref();

  return {
    handler,
    close: () => {
      clearInterval(heartbeat);
      unsubscribe();
      for (const socket of sockets.keys()) socket.close(1001, 'server closing');
    },
  };
};
