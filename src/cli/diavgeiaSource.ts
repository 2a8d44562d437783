// Where this installation's decisions come from: Diavgeia's API for the organisation configured, or, in
// development, the stand-in holding the fixture year's decisions. Shared by `opendimos diavgeia sync` and
// the server's schedule, so both ask the same place.
import type { DiavgeiaPort } from '../integrations/diavgeia/index.ts';
import { diavgeiaClient, diavgeiaStandIn } from '../integrations/diavgeia/index.ts';
import type { DiavgeiaConfig } from './diavgeiaConfig.ts';
import { fixtureDecisions, STAND_IN_ORGANIZATION } from './diavgeiaFixtures.ts';

export type DiavgeiaSource =
  | { readonly kind: 'diavgeia' | 'stand-in'; readonly port: DiavgeiaPort; readonly organizationId: string; readonly label: string }
  | { readonly kind: 'none'; readonly el: string; readonly en: string };

export const diavgeiaSourceOf = (config: DiavgeiaConfig, fetchImpl?: typeof fetch): DiavgeiaSource => {
  if (config.mode === 'stand-in') {
    return { kind: 'stand-in', port: diavgeiaStandIn(fixtureDecisions()), organizationId: STAND_IN_ORGANIZATION, label: 'δοκιμαστική Διαύγεια με τις αποφάσεις των δεδομένων επίδειξης / the Diavgeia stand-in with the fixture decisions' };
  }
  if (config.organizationId === null) {
    return {
      kind: 'none',
      el: 'Ορίστε OPENDIMOS_DIAVGEIA_ORG: τον αριθμό (uid) του Δήμου στη Διαύγεια, π.χ. από https://diavgeia.gov.gr/opendata/organizations',
      en: "Set OPENDIMOS_DIAVGEIA_ORG: the municipality's organisation uid on Diavgeia, e.g. from https://diavgeia.gov.gr/opendata/organizations",
    };
  }
  return { kind: 'diavgeia', port: diavgeiaClient({ baseUrl: config.url, ...(fetchImpl ? { fetch: fetchImpl } : {}) }), organizationId: config.organizationId, label: `${config.url} (org ${config.organizationId})` };
};
