// Filled in by issue 18's public pages (in progress this session): registered from index.ts.
import type { WebRoutes } from '../shared/pageRoutes.ts';
import type { RequestsWebServices } from './services.ts';

export const publicRequestsRoutes = (_services: RequestsWebServices): WebRoutes => async () => undefined;
