// What the requests context adds to the site: «Αναφορά προβλήματος / Report a problem» (the form with its map,
// the nearby requests, the e-mail confirmation), the public requests (list, map, each request's page and
// timeline, the figures of accountability) and the reporter's own requests. The map's tile server is the one
// other host the pages load images from.
import type { WebContext } from '../shared/pageRoutes.ts';
import { tileSource } from '../shared/map.ts';
import { myRequestsRoutes } from './mine.ts';
import { publicRequestsRoutes } from './public.ts';
import { reportRoutes } from './report.ts';
import type { RequestsWebServices } from './services.ts';

export type { Requesting, RequestsWebServices } from './services.ts';

const label = { el: 'Αναφορές προβλημάτων', en: 'Problem reports' };

export const requestsWeb = (services: RequestsWebServices): WebContext => ({
  name: 'requests',
  nav: [{ section: 'requests', path: '/requests', label }],
  services: [
    { path: '/requests/new', label: { el: 'Αναφορά προβλήματος', en: 'Report a problem' }, summary: { el: 'Λακκούβα, σβηστός φανοστάτης, σκουπίδια: πείτε το στον Δήμο και παρακολουθήστε τη λύση.', en: 'A pothole, a street light out, rubbish: tell the municipality and follow it to the fix.' } },
    { path: '/requests', label, summary: { el: 'Όλες οι αναφορές στον χάρτη, με την πορεία τους.', en: 'Every report on the map, with its progress.' } },
  ],
  sitemap: async () => ['/requests', '/requests/new', '/requests/accountability'],
  imageSources: [tileSource(services.mapTiles)],
  routes: async (app, options) => {
    await app.register(publicRequestsRoutes(services), options);
    await app.register(reportRoutes(services), options);
    await app.register(myRequestsRoutes(services), options);
  },
});
