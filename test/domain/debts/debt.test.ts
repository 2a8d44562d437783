// A debt of the roll (issue 15), given its events, when a command, then its events or the refusal: an
// assessment once, the same row again adding nothing and another row under the number refused; reductions
// and write-offs by decision, never below zero, once per ΑΔΑ; a settlement whose plan sums exactly to what
// remains; payments once each, never more than remains; and where the debt stands on a given day.
import { Decimal } from 'decimal.js';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { AdjustDebt, AssessDebt, Debt, DebtEvent, PayDebt, SettleDebt } from '../../../src/domain/debts/index.ts';
import { adjustDebt, assessDebt, debtStatus, evolveDebt, initialDebt, payDebt, remainingOf, settleDebt } from '../../../src/domain/debts/index.ts';
import type { DomainError } from '../../../src/domain/index.ts';
import { isDomainError } from '../../../src/domain/index.ts';
import { expectDomainError } from '../support/expectDomainError.ts';

const test = suite('debts: a debt');

const money = (amount: string): Decimal => new Decimal(amount);

const assessing = (over: Partial<AssessDebt> = {}): AssessDebt => ({
  subjectId: 'subject-1',
  debtorKind: 'person',
  year: 2026,
  assessment: '000123',
  kae: '0351.001',
  amount: money('84.20'),
  surcharges: money('0'),
  assessedOn: '2026-02-16',
  dueOn: '2026-03-31',
  instalments: null,
  contentHash: 'hash-of-the-row',
  sealed: 'v1.iv.ciphertext',
  ...over,
});

const adjusting = (over: Partial<AdjustDebt> = {}): AdjustDebt => ({
  year: 2026,
  assessment: '000123',
  adjustment: 'reduction',
  amount: money('10.00'),
  ada: 'ΨΖ4Χ46ΜΛΩ6-ΑΒΓ',
  decidedOn: '2026-04-10',
  contentHash: 'hash-of-the-decision',
  sealed: 'v1.iv.reason',
  ...over,
});

const settling = (over: Partial<SettleDebt> = {}): SettleDebt => ({
  year: 2026,
  assessment: '000123',
  ada: 'Ω7ΛΚ46ΜΛΩ6-Π2Σ',
  agreedOn: '2026-05-10',
  instalments: 3,
  contentHash: 'hash-of-the-settlement',
  ...over,
});

const paying = (paymentId: string, amount: string, over: Partial<PayDebt> = {}): PayDebt => ({
  paymentId,
  channel: 'card',
  amount: money(amount),
  paidAt: '2026-04-20T09:30:00.000Z',
  receipt: `ΗΛ-${paymentId}`,
  ...over,
});

/** The refusal itself, to read its status and messages (the test fails when there is none). */
const refusalOf = (action: () => unknown): DomainError => {
  try {
    action();
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  assert.unreachable('expected a refusal');
  throw new Error('expected a refusal');
};

const fold = (events: readonly DebtEvent[], state: Debt = initialDebt()): Debt => events.reduce(evolveDebt, state);
/** Given a debt assessed with these details, and whatever followed. */
const given = (over: Partial<AssessDebt> = {}, ...then: ((state: Debt) => DebtEvent[])[]): Debt =>
  then.reduce((state, step) => fold(step(state), state), fold(assessDebt(initialDebt(), assessing(over))));
const pay = (paymentId: string, amount: string) => (state: Debt) => payDebt(state, paying(paymentId, amount));
const adjust = (over: Partial<AdjustDebt>) => (state: Debt) => adjustDebt(state, adjusting(over));
const settle = (over: Partial<SettleDebt> = {}) => (state: Debt) => settleDebt(state, settling(over));

test('assess: a roll row becomes one DebtAssessed, amounts as strings with two decimals', () => {
  const events = assessDebt(initialDebt(), assessing({ amount: money('84.2'), surcharges: money('3') }));
  assert.equal(events, [
    {
      type: 'DebtAssessed',
      data: {
        subjectId: 'subject-1',
        debtorKind: 'person',
        year: 2026,
        assessment: '000123',
        kae: '0351.001',
        amount: '84.20',
        surcharges: '3.00',
        assessedOn: '2026-02-16',
        dueOn: '2026-03-31',
        instalments: null,
        contentHash: 'hash-of-the-row',
        sealed: 'v1.iv.ciphertext',
      },
    },
  ]);
  const state = fold(events);
  assert.is(remainingOf(state).toFixed(2), '87.20', 'amount and surcharges are owed');
  assert.is(state.plan, null, 'no instalments in the row: no plan');
});

test('assess: the same row again adds nothing; another row under the same number is a conflict', () => {
  const state = given();
  assert.equal(assessDebt(state, assessing()), []);
  expectDomainError(() => assessDebt(state, assessing({ amount: money('90.00'), contentHash: 'hash-of-another-row' })), 'OD_DEBT_CONFLICT', 'assessment');
  // Even a row that would be refused on its own is first of all another row under a number already used.
  expectDomainError(() => assessDebt(state, assessing({ amount: money('-1'), contentHash: 'hash-of-a-third-row' })), 'OD_DEBT_CONFLICT', 'assessment');
  const { status, messageEl, messageEn } = refusalOf(() => assessDebt(state, assessing({ contentHash: 'other' })));
  assert.is(status, 409);
  assert.ok(messageEl.includes('000123/2026') && messageEn.includes('000123/2026'), 'the message names the assessment');
});

test('assess: a zero or negative amount and negative surcharges are refused', () => {
  for (const amount of ['0', '0.00', '-0.01', '-84.20']) expectDomainError(() => assessDebt(initialDebt(), assessing({ amount: money(amount) })), 'OD_DEBT_AMOUNT_NOT_POSITIVE', 'amount');
  expectDomainError(() => assessDebt(initialDebt(), assessing({ surcharges: money('-0.01') })), 'OD_DEBT_SURCHARGES_NEGATIVE', 'surcharges');
  assert.is(assessDebt(initialDebt(), assessing({ amount: money('0.01') })).length, 1, 'a cent is owed');
});

test('assess: due before it was assessed is refused; due on the day of assessment is not', () => {
  expectDomainError(() => assessDebt(initialDebt(), assessing({ assessedOn: '2026-02-16', dueOn: '2026-02-15' })), 'OD_DEBT_DUE_BEFORE_ASSESSED', 'due_on');
  assert.is(assessDebt(initialDebt(), assessing({ assessedOn: '2026-02-16', dueOn: '2026-02-16' })).length, 1);
});

test('assess: the year must be the year of the assessment date', () => {
  expectDomainError(() => assessDebt(initialDebt(), assessing({ year: 2025, assessedOn: '2026-02-16' })), 'OD_DEBT_YEAR_MISMATCH', 'year');
  expectDomainError(() => assessDebt(initialDebt(), assessing({ year: 2027, assessedOn: '2026-12-31', dueOn: '2027-01-31' })), 'OD_DEBT_YEAR_MISMATCH', 'year');
  assert.is(assessDebt(initialDebt(), assessing({ year: 2025, assessedOn: '2025-12-31', dueOn: '2026-01-31' })).length, 1, 'due in the next year is fine');
});

test('assess: an expense ΚΑΕ is not revenue and is refused; revenue codes of every revenue class go in', () => {
  for (const kae of ['20-6641', '6011', '15-7135.001', '8111']) expectDomainError(() => assessDebt(initialDebt(), assessing({ kae })), 'OD_DEBT_KAE_NOT_REVENUE', 'kae');
  for (const kae of ['0351.001', '0441.002', '1512.001', '2111.002', '3221.005']) assert.is(assessDebt(initialDebt(), assessing({ kae })).length, 1, kae);
  expectDomainError(() => assessDebt(initialDebt(), assessing({ kae: 'ύδρευση' })), 'OD_KAE_INVALID');
});

test('assess: instalments from 1 to 120; more than one lays out a monthly plan of the whole, the odd cents in the first', () => {
  for (const instalments of [0, 121, 2.5, -2]) expectDomainError(() => assessDebt(initialDebt(), assessing({ instalments })), 'OD_DEBT_INSTALMENTS_INVALID', 'instalments');
  assert.is(given({ instalments: 1 }).plan, null, 'one instalment is no plan');
  const debt = given({ amount: money('1240.50'), surcharges: money('0.01'), dueOn: '2026-01-31', assessedOn: '2026-01-10', instalments: 2 });
  assert.equal(debt.plan, [
    { number: 1, dueOn: '2026-01-31', amount: '620.26' },
    { number: 2, dueOn: '2026-02-28', amount: '620.25' },
  ]);
  const twelve = given({ amount: money('100.00'), instalments: 12, dueOn: '2026-03-31' }).plan!;
  assert.is(twelve.reduce((sum, i) => sum.plus(i.amount), new Decimal(0)).toFixed(2), '100.00', 'the plan sums to the debt');
  assert.equal(twelve.map((i) => i.dueOn).slice(-3), ['2026-12-31', '2027-01-31', '2027-02-28'], 'across the year, the 31st kept where the month has one');
});

test('reduce: less is owed by decision, recorded for the debtor; the same decision again adds nothing, another under its ΑΔΑ is refused', () => {
  const state = given();
  const events = adjustDebt(state, adjusting());
  assert.equal(events, [
    {
      type: 'DebtAdjusted',
      data: {
        subjectId: 'subject-1',
        year: 2026,
        assessment: '000123',
        adjustment: 'reduction',
        amount: '10.00',
        ada: 'ΨΖ4Χ46ΜΛΩ6-ΑΒΓ',
        decidedOn: '2026-04-10',
        contentHash: 'hash-of-the-decision',
        sealed: 'v1.iv.reason',
      },
    },
  ]);
  const reduced = fold(events, state);
  assert.is(remainingOf(reduced).toFixed(2), '74.20');
  assert.equal(adjustDebt(reduced, adjusting()), [], 'the same decision again');
  expectDomainError(() => adjustDebt(reduced, adjusting({ amount: money('5.00'), contentHash: 'another decision text' })), 'OD_DEBT_ADJUSTMENT_CONFLICT', 'ada');
  assert.is(adjustDebt(reduced, adjusting({ ada: 'ΩΞΧ946ΜΛΩ6-7Γ4', contentHash: 'a second decision' })).length, 1, 'another decision reduces again');
});

test('reduce and write off: never below zero, counting surcharges, earlier reductions and payments', () => {
  const state = given({ amount: money('84.20'), surcharges: money('4.21') }, pay('p-1', '8.41'), adjust({ amount: money('20.00') }));
  assert.is(remainingOf(state).toFixed(2), '60.00');
  expectDomainError(() => adjustDebt(state, adjusting({ ada: 'ΩΞΧ946ΜΛΩ6-7Γ4', amount: money('60.01') })), 'OD_DEBT_ADJUSTMENT_EXCEEDS', 'amount');
  expectDomainError(() => adjustDebt(state, adjusting({ ada: 'ΩΞΧ946ΜΛΩ6-7Γ4', adjustment: 'write-off', amount: money('60.01') })), 'OD_DEBT_ADJUSTMENT_EXCEEDS', 'amount');
  const cleared = fold(adjustDebt(state, adjusting({ ada: 'ΩΞΧ946ΜΛΩ6-7Γ4', adjustment: 'write-off', amount: money('60.00') })), state);
  assert.is(remainingOf(cleared).toFixed(2), '0.00', 'down to zero exactly');
  expectDomainError(() => adjustDebt(cleared, adjusting({ ada: 'ΒΓ4Δ46ΜΛΩ6-1Ε2', amount: money('0.01') })), 'OD_DEBT_ADJUSTMENT_EXCEEDS', 'amount');
});

test('reduce: a zero or negative amount is refused, and so is a debt never assessed', () => {
  for (const amount of ['0', '-5.00']) expectDomainError(() => adjustDebt(given(), adjusting({ amount: money(amount) })), 'OD_DEBT_AMOUNT_NOT_POSITIVE', 'amount');
  expectDomainError(() => adjustDebt(initialDebt(), adjusting()), 'OD_DEBT_UNKNOWN', 'assessment');
});

test('settle: what remains, in equal monthly instalments from a month after the agreement; the plan sums to the cent', () => {
  const state = given({ amount: money('120.00') }, adjust({ amount: money('20.00') }));
  const events = settleDebt(state, settling());
  assert.equal(events, [
    {
      type: 'DebtSettled',
      data: {
        subjectId: 'subject-1',
        year: 2026,
        assessment: '000123',
        ada: 'Ω7ΛΚ46ΜΛΩ6-Π2Σ',
        agreedOn: '2026-05-10',
        plan: [
          { number: 1, dueOn: '2026-06-10', amount: '33.34' },
          { number: 2, dueOn: '2026-07-10', amount: '33.33' },
          { number: 3, dueOn: '2026-08-10', amount: '33.33' },
        ],
        contentHash: 'hash-of-the-settlement',
      },
    },
  ]);
  const [odd] = settleDebt(given({ amount: money('1000.00'), surcharges: money('13.07') }, pay('p-1', '100.00')), settling({ instalments: 7, agreedOn: '2026-01-31' }));
  const plan = odd!.data.plan;
  assert.is(plan.reduce((sum, i) => sum.plus(i.amount), new Decimal(0)).toFixed(2), '913.07', 'exactly what remains: surcharges in, the payment out');
  assert.ok(plan.every((i) => /^\d+\.\d{2}$/.test(i.amount)), 'every instalment in whole cents');
  assert.is(plan[0]!.dueOn, '2026-02-28', 'a month after the 31st of January is the last of February');
});

test('settle: the same decision again adds nothing; a second settlement, one instalment, a paid or unknown debt are refused', () => {
  const settled = given({}, settle());
  assert.equal(settleDebt(settled, settling()), []);
  expectDomainError(() => settleDebt(settled, settling({ ada: 'ΩΞΧ946ΜΛΩ6-7Γ4', contentHash: 'another' })), 'OD_DEBT_SETTLED_ALREADY', 'ada');
  expectDomainError(() => settleDebt(settled, settling({ instalments: 4, contentHash: 'other terms' })), 'OD_DEBT_SETTLED_ALREADY', 'ada');
  for (const instalments of [1, 0, 121]) expectDomainError(() => settleDebt(given(), settling({ instalments })), 'OD_DEBT_INSTALMENTS_INVALID', 'instalments');
  expectDomainError(() => settleDebt(given({}, pay('p-1', '84.20')), settling()), 'OD_DEBT_ALREADY_PAID', 'assessment');
  expectDomainError(() => settleDebt(initialDebt(), settling()), 'OD_DEBT_UNKNOWN', 'assessment');
});

test('pay: money applied to the debt once per payment, recorded with its channel and receipt', () => {
  const state = given();
  const events = payDebt(state, paying('p-1', '40'));
  assert.equal(events, [
    {
      type: 'DebtPaid',
      data: { subjectId: 'subject-1', year: 2026, assessment: '000123', paymentId: 'p-1', channel: 'card', amount: '40.00', paidAt: '2026-04-20T09:30:00.000Z', receipt: 'ΗΛ-p-1' },
    },
  ]);
  const part = fold(events, state);
  assert.is(remainingOf(part).toFixed(2), '44.20');
  assert.equal(payDebt(part, paying('p-1', '40')), [], 'the same payment twice');
  assert.equal(payDebt(part, paying('p-1', '80')), [], 'a payment already applied is not applied again, whatever the second notice says');
  const paid = fold(payDebt(part, paying('p-2', '44.20', { channel: 'bank' })), part);
  assert.is(remainingOf(paid).toFixed(2), '0.00');
  assert.equal(payDebt(paid, paying('p-2', '44.20')), [], 'a repeated bank credit after the debt is paid');
});

test('pay: a debt already paid is refused; more than remains is refused; so are zero and a debt never assessed', () => {
  const paid = given({}, pay('p-1', '84.20'));
  expectDomainError(() => payDebt(paid, paying('p-2', '1.00')), 'OD_DEBT_ALREADY_PAID', 'assessment');
  const cleared = given({}, adjust({ adjustment: 'write-off', amount: money('84.20') }));
  expectDomainError(() => payDebt(cleared, paying('p-2', '1.00')), 'OD_DEBT_ALREADY_PAID', 'assessment');
  const part = given({ surcharges: money('0.80') }, pay('p-1', '50.00'));
  expectDomainError(() => payDebt(part, paying('p-2', '35.01')), 'OD_DEBT_OVERPAID', 'amount');
  const overpaid = refusalOf(() => payDebt(part, paying('p-2', '35.01')));
  assert.ok(overpaid.messageEl.includes('35.00') && overpaid.messageEn.includes('35.00'), 'the refusal says what remains');
  assert.is(payDebt(part, paying('p-2', '35.00')).length, 1, 'exactly what remains, surcharges included');
  expectDomainError(() => payDebt(given(), paying('p-3', '0')), 'OD_DEBT_AMOUNT_NOT_POSITIVE', 'amount');
  expectDomainError(() => payDebt(initialDebt(), paying('p-4', '1.00')), 'OD_DEBT_UNKNOWN');
});

test('status: due up to and on its due date, overdue from the next day, paid when nothing remains', () => {
  const debt = given({ dueOn: '2026-03-31' });
  assert.is(debtStatus(debt, '2026-02-16'), 'due');
  assert.is(debtStatus(debt, '2026-03-31'), 'due', 'the due date itself is still in time');
  assert.is(debtStatus(debt, '2026-04-01'), 'overdue');
  const part = fold(payDebt(debt, paying('p-1', '84.19')), debt);
  assert.is(debtStatus(part, '2026-04-01'), 'overdue', 'a cent short is still overdue');
  assert.is(debtStatus(fold(payDebt(part, paying('p-2', '0.01')), part), '2026-04-01'), 'paid');
  assert.is(debtStatus(given({ surcharges: money('2.00') }, pay('p-1', '84.20')), '2026-04-01'), 'overdue', 'surcharges unpaid');
});

test('status: written off when a decision cleared it and nothing was paid; paid when money cleared the rest', () => {
  assert.is(debtStatus(given({}, adjust({ adjustment: 'write-off', amount: money('84.20') })), '2026-06-01'), 'written_off');
  assert.is(debtStatus(given({}, adjust({ adjustment: 'reduction', amount: money('84.20') })), '2026-06-01'), 'written_off', 'reduced to nothing: nothing was paid');
  assert.is(debtStatus(given({}, adjust({ adjustment: 'write-off', amount: money('40.00') }), pay('p-1', '44.20')), '2026-06-01'), 'paid');
  assert.is(debtStatus(given({}, adjust({ adjustment: 'write-off', amount: money('40.00') })), '2026-06-01'), 'overdue', 'a part written off leaves the rest owed');
});

test('status: a roll in instalments is in instalments while each fallen due is paid, overdue once one is missed', () => {
  const debt = given({ amount: money('1240.50'), assessedOn: '2026-01-10', dueOn: '2026-01-31', instalments: 2 });
  assert.is(debtStatus(debt, '2026-01-20'), 'instalments');
  assert.is(debtStatus(debt, '2026-01-31'), 'instalments', 'the first instalment is due that day');
  assert.is(debtStatus(debt, '2026-02-01'), 'overdue', 'the first instalment missed');
  const first = fold(payDebt(debt, paying('p-1', '620.25')), debt);
  assert.is(debtStatus(first, '2026-02-01'), 'instalments');
  assert.is(debtStatus(first, '2026-03-01'), 'overdue', 'the second missed');
  const short = fold(payDebt(debt, paying('p-1', '620.24')), debt);
  assert.is(debtStatus(short, '2026-02-01'), 'overdue', 'a cent short of the first instalment');
  assert.is(debtStatus(fold(payDebt(first, paying('p-2', '620.25')), first), '2026-03-01'), 'paid');
});

test('status: a settled overdue debt is in instalments, counting what was paid before the agreement; overdue when an instalment is missed', () => {
  const overdue = given({ amount: money('300.00'), dueOn: '2026-03-31' }, pay('p-0', '60.00'));
  assert.is(debtStatus(overdue, '2026-05-10'), 'overdue');
  const settled = fold(settleDebt(overdue, settling({ instalments: 3, agreedOn: '2026-05-10' })), overdue);
  assert.equal(settled.plan!.map((i) => i.amount), ['80.00', '80.00', '80.00']);
  assert.is(debtStatus(settled, '2026-05-11'), 'instalments');
  assert.is(debtStatus(settled, '2026-06-10'), 'instalments', 'the first instalment falls due that day');
  assert.is(debtStatus(settled, '2026-06-11'), 'overdue', 'the first instalment missed');
  const first = fold(payDebt(settled, paying('p-1', '80.00')), settled);
  assert.is(debtStatus(first, '2026-06-11'), 'instalments');
  assert.is(debtStatus(first, '2026-07-11'), 'overdue');
  const ahead = fold(payDebt(settled, paying('p-1', '160.00')), settled);
  assert.is(debtStatus(ahead, '2026-07-11'), 'instalments', 'two instalments paid at once cover two');
  assert.is(debtStatus(fold(payDebt(ahead, paying('p-2', '80.00')), ahead), '2026-12-31'), 'paid');
});

test.run();
