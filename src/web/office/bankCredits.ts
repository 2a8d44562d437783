// Unmatched bank credits in the back office (πιστώσεις χωρίς αντιστοίχιση), for staff with the revenue role:
// what a bank statement's import could not apply to a debt (no RF, another creditor's, one naming no debt,
// an excess), each with a plain form to assign it to a debt by hand. The assignment pays the debt as a bank
// payment (its collection in the public ledger included) and records who assigned it (the events' actor).
import { Decimal } from 'decimal.js';
import type { Collecting } from '../../api/debts/index.ts';
import { applyReceived, loadDebt } from '../../api/debts/index.ts';
import type { StaffMember } from '../../api/shared/staff/index.ts';
import { STAFF_AUDIT } from '../../api/shared/staff/index.ts';
import { assignCredit, bankCreditStream, isDomainError, parseRf, readDebtsRf } from '../../domain/index.ts';
import { isExpectedRevisionConflict } from '../../eventstore/errors.ts';
import { uuidv7 } from '../../eventstore/uuid.ts';
import type { UnmatchedCredit } from '../../projections/debts/index.ts';
import { unmatchedCredit } from '../../projections/debts/index.ts';
import { table } from '../../projections/shared/tables.ts';
import type { Html } from '../shared/html.ts';
import { html } from '../shared/html.ts';
import type { Page, Visit } from '../shared/page.ts';

export const BANK_CREDITS_ROLE = 'revenue';

export const mayAssignCredits = (member: StaffMember): boolean => member.roles.includes(BANK_CREDITS_ROLE);

export type AssignProblem = 'unknown_credit' | 'bad_debt' | 'unknown_debt' | 'nothing_to_pay' | 'conflict';

const words = {
  el: {
    title: 'Πιστώσεις χωρίς αντιστοίχιση',
    lead: 'Πιστώσεις του λογαριασμού του Δήμου που η εισαγωγή της κίνησης λογαριασμού δεν μπόρεσε να αποδώσει σε οφειλή, ή το υπόλοιπό τους. Βρείτε τον καταθέτη στην τράπεζα με την αναφορά της και αποδώστε την σε οφειλή.',
    none: 'Καμία πίστωση προς απόδοση.',
    columns: ['Ημερομηνία', 'Ποσό', 'Αιτία', 'RF', 'Αναφορά τράπεζας', 'Απόδοση'],
    reasons: { no_rf: 'χωρίς RF', foreign_rf: 'RF άλλου δικαιούχου', unknown_debt: 'RF χωρίς οφειλή', excess: 'υπόλοιπο μετά την εξόφληση', currency: 'όχι σε ευρώ' } as Record<string, string>,
    debt: 'Οφειλή (έτος-αριθμός βεβαίωσης, π.χ. 2025-000123, ή το RF της)',
    assign: 'Απόδοση',
    assigned: 'Η πίστωση αποδόθηκε στην οφειλή.',
    problems: {
      unknown_credit: 'Η πίστωση δεν βρέθηκε ή δεν έχει υπόλοιπο προς απόδοση.',
      bad_debt: 'Γράψτε την οφειλή ως έτος-αριθμό (2025-000123) ή το RF της.',
      unknown_debt: 'Δεν υπάρχει τέτοια οφειλή.',
      nothing_to_pay: 'Η οφειλή δεν έχει υπόλοιπο, ή έχει ήδη πληρωθεί από αυτή την πίστωση.',
      conflict: 'Η πίστωση ή η οφειλή άλλαξε μόλις τώρα· δοκιμάστε ξανά.',
    } satisfies Record<AssignProblem, string>,
    office: 'Γραφείο',
  },
  en: {
    title: 'Unmatched bank credits',
    lead: 'Credits to the Municipality’s account that the bank-statement import could not apply to a debt, or what was left of them. Find the payer at the bank by its reference and assign it to a debt.',
    none: 'No credit to assign.',
    columns: ['Date', 'Amount', 'Why', 'RF', 'Bank reference', 'Assign'],
    reasons: { no_rf: 'no RF', foreign_rf: 'another creditor’s RF', unknown_debt: 'RF of no debt', excess: 'left after paying in full', currency: 'not in euros' } as Record<string, string>,
    debt: 'Debt (year-assessment number, e.g. 2025-000123, or its RF)',
    assign: 'Assign',
    assigned: 'The credit was assigned to the debt.',
    problems: {
      unknown_credit: 'The credit was not found, or has nothing left to assign.',
      bad_debt: 'Write the debt as year-number (2025-000123) or its RF.',
      unknown_debt: 'There is no such debt.',
      nothing_to_pay: 'The debt has nothing left to pay, or this credit already paid it.',
      conflict: 'The credit or the debt changed just now; try again.',
    } satisfies Record<AssignProblem, string>,
    office: 'Office',
  },
};

export interface BankCreditsView {
  readonly csrfToken: string;
  readonly credits: readonly UnmatchedCredit[];
  readonly done?: 'assigned';
  readonly problem?: AssignProblem;
}

const assignForm = (visit: Visit, token: string, credit: UnmatchedCredit): Html => {
  const t = words[visit.lang];
  const id = `debt-${credit.creditId}`;
  return html`<form method="post" action="${visit.href('/office/bank-credits/assign')}"><input type="hidden" name="_csrf" value="${token}"><input type="hidden" name="credit" value="${credit.creditId}">
<div class="field"><label for="${id}">${t.debt}</label><input type="text" id="${id}" name="debt" maxlength="40" autocomplete="off"></div><button class="button" type="submit">${t.assign}<span class="visually-hidden">: ${credit.amount} ${credit.currency}, ${credit.bankReference ?? ''}</span></button></form>`;
};

export const bankCreditsPage = (visit: Visit, view: BankCreditsView, status = 200): Page => {
  const t = words[visit.lang];
  const row = (c: UnmatchedCredit) =>
    html`<tr><td>${c.bookingDate ?? '—'}</td><td>${c.amount} ${c.currency}</td><td>${t.reasons[c.reason] ?? c.reason}</td><td>${c.rf ?? '—'}</td><td>${c.bankReference ?? '—'}</td><td>${assignForm(visit, view.csrfToken, c)}</td></tr>`;
  return {
    title: t.title,
    section: null,
    crumbs: [{ label: t.office, path: '/office/' }],
    status,
    main: html`<h1>${t.title}</h1><p class="lead">${t.lead}</p>
${view.done ? html`<p class="notice" role="status">${t.assigned}</p>` : ''}${view.problem ? html`<p class="error" role="alert">${t.problems[view.problem]}</p>` : ''}
${
  view.credits.length === 0
    ? html`<p>${t.none}</p>`
    : html`<table><thead><tr>${t.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead><tbody>${view.credits.map(row)}</tbody></table>`
}`,
  };
};

/** «2025-000123» or the debt's RF → the debt; null when it is neither. */
const debtNamed = (rfCode: string, text: string): { year: number; assessment: string } | null => {
  const typed = text.replace(/\s/g, '').toUpperCase();
  const plain = /^(\d{4})-([0-9A-Z./-]{1,30})$/.exec(typed);
  if (plain) return { year: Number(plain[1]), assessment: plain[2]! };
  if (!typed.startsWith('RF')) return null;
  try {
    const read = readDebtsRf(rfCode, parseRf(typed).rf);
    return read.kind === 'debt' ? { year: Number(read.assessment.slice(0, 4)), assessment: read.assessment.slice(5) } : null;
  } catch (error) {
    if (isDomainError(error)) return null;
    throw error;
  }
};

/** Assigns what is left of a credit to a debt: the debt paid (at most what it owes) and the assignment, in one append. */
export const assignBankCredit = async (
  services: Collecting & { readonly rfCode: string; readonly now: () => Date },
  member: StaffMember,
  creditId: string,
  debtText: string,
): Promise<AssignProblem | null> => {
  const credit = await unmatchedCredit(services.client, services.schema, creditId);
  const left = new Decimal(credit?.amount ?? 0);
  if (credit === null || !left.isPositive() || left.isZero()) return 'unknown_credit';
  const debt = debtNamed(services.rfCode, debtText);
  if (debt === null) return 'bad_debt';
  const { state } = await loadDebt(services, debt.year, debt.assessment);
  if (state.status !== 'assessed') return 'unknown_debt';
  const at = services.now();
  const applied = await applyReceived(services, {
    paymentId: `assigned:${creditId}`,
    channel: 'bank',
    paidAt: credit.bookingDate === null ? at : new Date(credit.bookingDate),
    receiptStem: `${credit.bankReference ?? creditId.slice(0, 12).toUpperCase()}-Α${credit.revision + 1}`,
    debts: [{ ...debt, amount: left }],
    subjectId: null,
  });
  const assigned = assignCredit({ creditId, left, applied: applied.applied, ...debt, assignedAt: at.toISOString() });
  if (assigned.length === 0) return 'nothing_to_pay';
  const metadata = { actor: `staff:${member.staffId}` };
  const eventId = uuidv7();
  try {
    await services.store.appendMany([
      ...applied.appends.map((a) => ({ ...a, events: a.events.map((e) => ({ ...e, metadata })) })),
      { stream: bankCreditStream(creditId), events: assigned.map((e) => ({ ...e, id: eventId, metadata })), expectedRevision: credit.revision },
    ]);
  } catch (error) {
    if (isExpectedRevisionConflict(error)) return 'conflict';
    throw error;
  }
  // The staff's audit trail: who gave whose debt the money, and how much.
  await services.client.query(
    `INSERT INTO ${table(services.schema, STAFF_AUDIT)} (event_id, at, actor, action, staff_id, subject, detail) VALUES ($1, $2, $3, 'BankCreditAssigned', $4, $5, $6) ON CONFLICT (event_id) DO NOTHING`,
    [eventId, at.toISOString(), metadata.actor, member.staffId, state.subjectId, JSON.stringify({ credit: creditId, debt: `${debt.year}-${debt.assessment}`, amount: applied.applied.toFixed(2) })],
  );
  return null;
};
