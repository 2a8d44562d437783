// GET /api/crosscheck/diavgeia (issue 20, item 6): each verdict on a small known set, the answer's exact
// shape, and a bad year refused el/en.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { DecisionFields, LedgerEvent } from '../../src/domain/index.ts';
import { streams } from '../../src/domain/index.ts';
import { appendAll } from '../support/ledger.ts';
import type { RestApp } from './restFixture.ts';
import { openRestApp } from './restFixture.ts';

const test = suite('diavgeia: the cross-check');

const FIRM = { naturalPerson: false as const, afm: '094014201', name: 'ΚΑΤΑΣΚΕΥΑΣΤΙΚΗ ΠΑΛΙΚΗΣ Α.Ε.' };
const OTHER = '094019245';
const PERSON = { naturalPerson: true as const, afm: null, name: null };
const doc = (kae: string, document: string, amount: string, ada: string | null) => ({ year: 2025, kae, document, date: '2025-03-10', amount, ada, description: null });

const ledger = (): LedgerEvent[] => [
  { type: 'BudgetLineEstablished', data: { ...doc('30-7323.005', 'Π-1', '90000.00', null), side: 'expense', title: 'Ασφαλτοστρώσεις' } },
  { type: 'BudgetLineEstablished', data: { ...doc('20-6011.001', 'Π-2', '90000.00', null), side: 'expense', title: 'Αποδοχές' } },
  { type: 'ExpenseCommitted', data: { ...doc('30-7323.005', 'Δ-1', '1000.00', 'ΑΑΑ146ΜΛΩ6-001'), counterparty: FIRM } }, // matched (per ΚΑΕ)
  { type: 'PaymentOrdered', data: { ...doc('30-7323.005', 'Ε-1', '1000.00', 'ΑΑΑ246ΜΛΩ6-002'), commitment: 'Δ-1', counterparty: FIRM } }, // matched (sponsor)
  { type: 'ExpenseCommitted', data: { ...doc('30-7323.005', 'Δ-2', '500.00', 'ΑΑΑ346ΜΛΩ6-003'), counterparty: FIRM } }, // amountMismatch
  { type: 'ExpenseCommitted', data: { ...doc('30-7323.005', 'Δ-3', '300.00', 'ΑΑΑ446ΜΛΩ6-004'), counterparty: FIRM } }, // typeMismatch (Β.2.2)
  { type: 'PaymentOrdered', data: { ...doc('30-7323.005', 'Ε-3', '300.00', 'ΑΑΑ546ΜΛΩ6-005'), commitment: 'Δ-3', counterparty: FIRM } }, // payeeMismatch
  { type: 'ExpenseCommitted', data: { ...doc('20-6011.001', 'Δ-4', '200.00', 'ΑΑΑ646ΜΛΩ6-006'), counterparty: PERSON } }, // revoked
  { type: 'ExpenseCommitted', data: { ...doc('20-6011.001', 'Δ-5', '100.00', 'ΑΑΑ746ΜΛΩ6-007'), counterparty: PERSON } }, // missingInDiavgeia
  { type: 'ExpenseCommitted', data: { ...doc('20-6011.001', 'Δ-6', '50.00', null), counterparty: PERSON } }, // withoutAda
  { type: 'PaymentOrdered', data: { ...doc('20-6011.001', 'Ε-7', '150.00', 'ΑΑΑ946ΜΛΩ6-009'), commitment: 'Δ-4', counterparty: PERSON } }, // matched: a person against a person
  { type: 'PaymentMade', data: { ...doc('30-7323.005', 'ΠΛ-1', '1000.00', null), order: 'Ε-1', counterparty: FIRM } }, // a payment needs no ΑΔΑ of its own
];

const decision = (ada: string, decisionTypeId: string, extra: Partial<DecisionFields> = {}): DecisionFields => ({
  ada, versionId: `v-${ada}`, protocolNumber: '1/2025', subject: `Απόφαση ${ada}`, issueDate: '2025-03-09', decisionTypeId, organizationId: '6302', unitIds: [],
  financialYear: 2025, amount: null, kaeAmounts: [], sponsors: [], submittedAt: '2025-03-09T10:00:00.000Z', ...extra,
});
const firm = (amount: string, afm = FIRM.afm) => ({ naturalPerson: false as const, afm, name: 'ΕΤΑΙΡΕΙΑ Α.Ε.', amount });

const decisions = (): DecisionFields[] => [
  decision('ΑΑΑ146ΜΛΩ6-001', 'Β.1.3', { amount: '1200.00', kaeAmounts: [{ kae: '30-7323.005', amount: '1000.00' }, { kae: '20-6011.001', amount: '200.00' }] }),
  decision('ΑΑΑ246ΜΛΩ6-002', 'Β.2.2', { amount: '1000.00', sponsors: [firm('1000.00')] }),
  decision('ΑΑΑ346ΜΛΩ6-003', 'Β.1.3', { amount: '550.00', kaeAmounts: [{ kae: '307323005', amount: '550.00' }] }),
  decision('ΑΑΑ446ΜΛΩ6-004', 'Β.2.2', { amount: '300.00' }),
  decision('ΑΑΑ546ΜΛΩ6-005', 'Β.2.2', { amount: '300.00', sponsors: [firm('300.00', OTHER)] }),
  decision('ΑΑΑ646ΜΛΩ6-006', 'Β.1.3', { amount: '200.00' }),
  decision('ΑΑΑ946ΜΛΩ6-009', 'Β.2.2', { amount: '150.00', sponsors: [{ naturalPerson: true, afm: null, name: null, amount: '150.00' }] }),
  decision('ΒΒΒ146ΜΛΩ6-010', 'Β.2.2', { amount: '75.00', sponsors: [firm('75.00')] }), // notInLedger
  decision('ΒΒΒ246ΜΛΩ6-011', 'Β.1.3', { financialYear: 2024, amount: '75.00' }), // another year: not here
];

let t: RestApp;
test.before(async () => {
  t = await openRestApp();
  await appendAll(t.ledger.store, ledger());
  for (const d of decisions()) await t.ledger.store.append(streams.decision(d.ada), [{ type: 'DecisionPublished', data: d }]);
  await t.ledger.store.append(streams.decision('ΑΑΑ646ΜΛΩ6-006'), [{ type: 'DecisionRevoked', data: { ada: 'ΑΑΑ646ΜΛΩ6-006', versionId: 'v-ΑΑΑ646ΜΛΩ6-006', revokedAt: '2025-04-01T00:00:00.000Z' } }]);
  await t.catchUp();
});
test.after(async () => t.close());

test('each verdict on the known set, in the documented shape', async () => {
  const response = await t.app.inject({ method: 'GET', url: '/api/crosscheck/diavgeia?year=2025' });
  assert.is(response.statusCode, 200);
  const body = response.json<{ summary: Record<string, number>; items: Record<string, unknown>[] }>();
  assert.equal(Object.keys(body), ['summary', 'items']);
  assert.equal(body.summary, { matched: 3, amountMismatch: 1, typeMismatch: 1, payeeMismatch: 1, revoked: 1, missingInDiavgeia: 1, withoutAda: 1, notInLedger: 1 });
  const by = (document: string | null, ada?: string) => body.items.find((i) => i.document === document && (ada === undefined || i.ada === ada));
  assert.equal(by('Δ-1'), { ada: 'ΑΑΑ146ΜΛΩ6-001', document: 'Δ-1', kae: '30-7323.005', ledgerAmount: '1000.00', diavgeiaAmount: '1000.00', verdict: 'matched' });
  assert.equal(by('Δ-2'), { ada: 'ΑΑΑ346ΜΛΩ6-003', document: 'Δ-2', kae: '30-7323.005', ledgerAmount: '500.00', diavgeiaAmount: '550.00', verdict: 'amountMismatch' });
  assert.is(by('Δ-3')!.verdict, 'typeMismatch');
  assert.is(by('Ε-3')!.verdict, 'payeeMismatch');
  assert.is(by('Δ-4')!.verdict, 'revoked');
  assert.equal(by('Δ-5'), { ada: 'ΑΑΑ746ΜΛΩ6-007', document: 'Δ-5', kae: '20-6011.001', ledgerAmount: '100.00', diavgeiaAmount: null, verdict: 'missingInDiavgeia' });
  assert.equal(by('Δ-6'), { ada: null, document: 'Δ-6', kae: '20-6011.001', ledgerAmount: '50.00', diavgeiaAmount: null, verdict: 'withoutAda' });
  assert.is(by('Ε-7')!.verdict, 'matched');
  assert.equal(by(null, 'ΒΒΒ146ΜΛΩ6-010'), { ada: 'ΒΒΒ146ΜΛΩ6-010', document: null, kae: null, ledgerAmount: null, diavgeiaAmount: '75.00', verdict: 'notInLedger' });
  assert.not.ok(body.items.some((i) => i.ada === 'ΒΒΒ246ΜΛΩ6-011'), "another year's decision is not this year's");
  assert.not.ok(body.items.some((i) => i.document === 'ΠΛ-1' || i.document === 'Π-1'), 'payments and the budget without an ΑΔΑ are not flagged');
  for (const item of body.items) assert.equal(Object.keys(item), ['ada', 'document', 'kae', 'ledgerAmount', 'diavgeiaAmount', 'verdict']);
  const other = (await t.app.inject({ method: 'GET', url: '/api/crosscheck/diavgeia?year=2024' })).json<{ summary: Record<string, number>; items: { ada: string }[] }>();
  assert.equal(Object.values(other.summary), [0, 0, 0, 0, 0, 0, 0, 1], "2024: that year's decision alone, which no movement cites");
  assert.is(other.items[0]!.ada, 'ΒΒΒ246ΜΛΩ6-011');
});

test('a missing or bad year is refused, Greek and English', async () => {
  for (const url of ['/api/crosscheck/diavgeia', '/api/crosscheck/diavgeia?year=abc', '/api/crosscheck/diavgeia?year=1999']) {
    const response = await t.app.inject({ method: 'GET', url });
    assert.is(response.statusCode, 400, url);
    const text = response.body;
    assert.match(text, /year/);
  }
});

test.run();
