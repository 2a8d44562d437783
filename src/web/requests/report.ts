// Filled in by issue 18's report pages (in progress this session): registered from index.ts.
import type { WebRoutes } from '../shared/pageRoutes.ts';
import type { RequestsWebServices } from './services.ts';

export const reportRoutes = (_services: RequestsWebServices): WebRoutes => async () => undefined;
