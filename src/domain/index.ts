// The domain's public surface: each context's index and what they share. Other layers import from here.
export * from './shared/index.ts';
export * from './ledger/index.ts';
export * from './suppliers/index.ts';
export * from './assets/index.ts';
export * from './imports/index.ts';
export * from './identity/index.ts';
export * from './debts/index.ts';
export * from './applications/index.ts';
export * from './requests/index.ts';
export * from './diavgeia/index.ts';
export * from './council/index.ts';
export * from './einvoices/index.ts';
export * from './contexts.ts';
