// Diavgeia (Δι@ύγεια), the public register of every act of the Greek public sector: the port the Diavgeia
// context asks, its HTTP client, and the refusals of an answer that cannot be used.
export * from './port.ts';
export * from './errors.ts';
export { DIAVGEIA_PUBLIC_API, diavgeiaClient } from './httpClient.ts';
export type { DiavgeiaClientOptions } from './httpClient.ts';
export { readDecision } from './wire.ts';
export { diavgeiaStandIn } from './standIn.ts';
