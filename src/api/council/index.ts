// The council in the API layer: its write side (the streams decided on) and its documents' store.
export { decideOnBody, decideOnSession, loadBody, loadSession } from './stream.ts';
export type { Loaded, SessionDecision } from './stream.ts';
export { COUNCIL_DOCUMENTS, councilDocument, councilDocumentMigrations, keepCouncilDocument, MAX_COUNCIL_DOCUMENT_BYTES } from './documents.ts';
// The read side: GraphQL, Popolo JSON and iCal.
export { councilApi } from './openData.ts';
