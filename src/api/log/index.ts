// The verifiable log in the API: /log/ (C2SP tlog-tiles, checkpoints, key) and /api/log/ (proofs).
import type { ApiContext } from '../shared/apiContext.ts';
import { loadSdl } from '../shared/apiContext.ts';
import type { LogServices } from './checkpoints.ts';
import { logIndexLoaders } from './logIndex.ts';
import { logRoutes } from './routes.ts';

export type { LogServices, PublishedCheckpoint } from './checkpoints.ts';
export { checkpointOfSize, checkpointsFrom, latestCheckpoint, LogInconsistent, publishCheckpoint, validCosignatures, witnessCheckpoint } from './checkpoints.ts';
export type { LogPublisher } from './publisher.ts';
export { startLogPublisher } from './publisher.ts';
export type { LogSigner } from './signer.ts';
export { ed25519PublicKey, keyIdFor, LogKeyError, newLogKey, signerFromPrivateKey, verifyEd25519 } from './signer.ts';
export { LOG_CHECKPOINTS, LOG_COSIGNATURES, LOG_WITNESSES, logMigrations } from './tables.ts';
export type { LogReport } from './verifyLog.ts';
export { verifyLog } from './verifyLog.ts';

/** Its GraphQL fragment (Transaction.logIndex), also part of schema.graphql (src/cli/checkGraphqlSchema.ts). */
export const logSdl = loadSdl(import.meta.url, 'log.graphql');

export const logApi = (services: LogServices): ApiContext => ({
  name: 'log',
  sdl: logSdl,
  resolvers: () => ({ resolvers: {}, loaders: logIndexLoaders(services) }),
  routes: logRoutes(services),
  prefixes: ['/log/'],
});
