// The pages of the site to visit, with addresses taken from the data being served: the busiest expense
// line, the supplier paid most, an asset with coordinates.
import { listAssets } from '../../../src/projections/assets/index.ts';
import { listSessions, sessionDetail } from '../../../src/projections/council/index.ts';
import { budgetLines, fiscalYears } from '../../../src/projections/ledger/index.ts';
import { listSuppliers } from '../../../src/projections/suppliers/index.ts';
import type { SqlExecutor } from '../../../src/eventstore/sql/client.ts';
import { centsOf } from '../../../src/web/shared/format.ts';
import type { Lang } from '../../../src/web/shared/lang.ts';
import { localPath } from '../../../src/web/shared/lang.ts';

export interface SitePage {
  /** "budget-line-en": names the screenshots and the test. */
  readonly name: string;
  readonly lang: Lang;
  readonly path: string;
  readonly status: number;
}

export const sitePages = async (db: SqlExecutor, schema: string): Promise<SitePage[]> => {
  const [year] = await fiscalYears(db, schema);
  if (year === undefined) throw new Error('The browser tests need a fiscal year in the ledger');
  const lines = await budgetLines(db, schema, year);
  const busiest = lines.filter((l) => l.side === 'EXPENSE').sort((a, b) => (centsOf(b.paid) > centsOf(a.paid) ? 1 : -1))[0]!;
  const [supplier] = (await listSuppliers(db, schema, { first: 1 })).nodes;
  const asset = (await listAssets(db, schema, { first: 500 })).nodes.find((a) => a.lat !== null)!;
  // A session that has been held: its agenda, votes and decisions (the e2e server loads the council's fixtures).
  const held = (await listSessions(db, schema)).find((s) => new Date(s.startsAt) < new Date());
  const session = held ? await sessionDetail(db, schema, held.id) : null;
  const member = session?.votes[0]?.personId;
  const item = session?.items.find((i) => i.decisionNumber !== null);
  const more: [string, string, number][] = [
    ['council', '/council/', 200],
    ...(held ? [['council-session', `/council/sessions/${held.id}`, 200] as [string, string, number]] : []),
    ...(member ? [['council-member', `/council/members/${member}`, 200] as [string, string, number]] : []),
    ...(item && held ? [['council-item', `/council/items/${held.id}-${item.number}`, 200] as [string, string, number]] : []),
    ['diavgeia', '/diavgeia/', 200],
  ];
  const greek: [string, string, number][] = [
    ['home', '/', 200],
    ['budget', `/budget/${year}`, 200],
    ['budget-groups', `/budget/${year}?by=group`, 200],
    ['budget-services', `/budget/${year}?by=service`, 200],
    ['budget-lines', `/budget/${year}/lines?side=expense&class=${busiest.klass}`, 200],
    ['budget-line', `/budget/${year}/kae/${encodeURIComponent(busiest.kae)}`, 200],
    ['movements', '/movements', 200],
    ['movements-filtered', `/movements?year=${year}&type=PAYMENT&orderBy=AMOUNT_DESC`, 200],
    ['suppliers', '/suppliers', 200],
    ['supplier', `/suppliers/${supplier!.afm}`, 200],
    ['property', '/property', 200],
    ['asset', `/property/${encodeURIComponent(asset.id)}`, 200],
    ['open-data', '/open-data', 200],
    ['accessibility', '/accessibility', 200],
    ['services', '/services', 200],
    ['privacy', '/privacy', 200],
    ['not-found', '/no-such-page', 404],
    ...more,
  ];
  return (['el', 'en'] as const).flatMap((lang) =>
    greek.map(([name, path, status]) => ({ name: `${name}-${lang}`, lang, path: localPath(lang, path), status })),
  );
};
