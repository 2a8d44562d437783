// The development stand-in for Diavgeia: a DiavgeiaPort over decisions held in memory, in Diavgeia's own JSON
// (read by the same wire code as the real answers), searched as Diavgeia searches them — by organisation and
// Athens submission date, newest first, paged. `npm start` syncs the fixture year's decisions from it, so the
// cross-check page shows something before anyone sets OPENDIMOS_DIAVGEIA_ORG. It never runs in production
// (src/cli/diavgeiaConfig.ts); tests of the HTTP client use the protocol double of test/support/doubles.
import type { ObservedDecision } from '../../domain/index.ts';
import type { DecisionPage, DecisionSearch, DecisionVersion, DiavgeiaPort } from './port.ts';
import { readDecision } from './wire.ts';

const ATHENS = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Athens' });

export const diavgeiaStandIn = (wireDecisions: readonly unknown[]): DiavgeiaPort => {
  const decisions = wireDecisions.map((raw) => readDecision(raw));
  const byAda = new Map(decisions.map((d) => [d.fields.ada, d] as const));
  const sorted = [...decisions].sort((a, b) => (a.fields.submittedAt === b.fields.submittedAt ? (a.fields.ada < b.fields.ada ? -1 : 1) : a.fields.submittedAt > b.fields.submittedAt ? -1 : 1));
  const submittedOn = new Map(decisions.map((d) => [d.fields.ada, ATHENS.format(new Date(d.fields.submittedAt))] as const));
  return {
    search: async (query: DecisionSearch): Promise<DecisionPage> => {
      const found: ObservedDecision[] = sorted.filter((d) => {
        const on = submittedOn.get(d.fields.ada)!;
        return d.fields.organizationId === query.organizationId && on >= query.from && on <= query.to;
      });
      return { decisions: found.slice(query.page * query.size, (query.page + 1) * query.size), total: found.length };
    },
    decision: async (ada: string) => byAda.get(ada) ?? null,
    versionLog: async (ada: string): Promise<readonly DecisionVersion[]> => {
      const d = byAda.get(ada);
      return d ? [{ versionId: d.fields.versionId, at: d.fields.submittedAt, status: d.status, correctedVersionId: d.correctedVersionId }] : [];
    },
  };
};
