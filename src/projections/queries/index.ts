// The read side's queries: what GraphQL, the live feed, the exports and the site ask of the read models.
export * from './views.ts';
export * from './paging.ts';
export * from './transactions.ts';
export * from './budget.ts';
export * from './suppliers.ts';
export * from './assets.ts';
export * from './imports.ts';
