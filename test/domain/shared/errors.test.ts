// The refusal catalogues: each code once across the domain, each with texts in Greek and English, and
// factories that build the DomainError its table says.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Decimal } from 'decimal.js';
import type { DomainError } from '../../../src/domain/shared/errors.ts';
import { isDomainError, refusals, refusalTable } from '../../../src/domain/shared/errors.ts';
import { sharedErrors } from '../../../src/domain/shared/sharedErrors.ts';
import { councilErrors, einvoicesErrors, supplierThreadErrors } from '../../../src/domain/index.ts';
import { ledgerErrors } from '../../../src/domain/ledger/index.ts';
import { assetsErrors } from '../../../src/domain/assets/index.ts';
import { identityErrors } from '../../../src/domain/identity/index.ts';
import { debtsErrors, rfErrors } from '../../../src/domain/debts/index.ts';
import { supplierNoticesErrors } from '../../../src/domain/suppliers/index.ts';
import { applicationsErrors } from '../../../src/domain/applications/index.ts';
import { requestsErrors } from '../../../src/domain/requests/index.ts';
import { domainErrorCatalogues, domainRefusals } from '../../../src/domain/contexts.ts';

const test = suite('refusal catalogues');

// One example per code, typed by its factory: a code without an example, or a wrong one, fails to compile.
type Examples<C> = { readonly [K in keyof C]: C[K] extends (...params: infer A) => DomainError ? A : never };

const excess = { amount: '500.01', remainder: 50000n } as const;

const sharedExamples: Examples<typeof sharedErrors> = {
  OD_DATE_INVALID: [{ date: '2025-02-30' }],
  OD_AMOUNT_INVALID: [{ amount: '1,5', column: 'amount' }],
  OD_AMOUNT_PRECISION: [{ amount: new Decimal('1.005'), column: 'value' }],
  OD_AMOUNT_MISSING: [],
  OD_AMOUNT_NOT_POSITIVE: [{ column: 'amount' }],
  OD_AMOUNT_NEGATIVE: [{ column: 'value' }],
  OD_AFM_INVALID: [{ afm: '123' }],
  OD_NAME_MISSING: [],
  OD_ADA_INVALID: [{ raw: 'ΑΔΑ' }],
  OD_KAE_INVALID: [{ raw: '60' }],
  OD_KAEK_INVALID: [{ raw: '123' }],
  OD_CLASSIFICATION_INVALID: [{ reason: 'JSON' }],
};

const ledgerExamples: Examples<typeof ledgerErrors> = {
  OD_DATE_OUTSIDE_FISCAL_YEAR: [{ date: '2025-12-31', year: 2026 }],
  OD_DOCUMENT_MISSING: [],
  OD_DOCUMENT_CONFLICT: [{ type: 'payment', document: 'Π-1' }],
  OD_AMOUNT_TOO_LARGE: [],
  OD_BUDGET_AMOUNT_NEGATIVE: [],
  OD_AMENDMENT_ZERO: [],
  OD_COUNTERPARTY_NOT_ALLOWED: [],
  OD_KAE_NOT_EXPENSE: [{ kae: '0311' }],
  OD_KAE_NOT_REVENUE: [{ kae: '20-6011' }],
  OD_BUDGET_LINE_UNKNOWN: [{ kae: '20-6011', year: 2026 }],
  OD_BUDGET_LINE_EXISTS: [{ kae: '20-6011', year: 2026 }],
  OD_BUDGET_TITLE_MISSING: [{ kae: '20-6011' }],
  OD_AMENDMENT_NEGATIVE_APPROPRIATION: [{ kae: '20-6011', amended: -1n }],
  OD_AMENDMENT_BELOW_COMMITTED: [{ kae: '20-6011', amended: 100n, committed: 200n }],
  OD_REF_NOT_ALLOWED: [{ type: 'budget' }],
  OD_REF_MISSING: [{ expected: 'commitment' }],
  OD_REF_WRONG_TYPE: [{ expected: 'order' }],
  OD_REF_INVALID: [{ type: 'budget', document: 'Π-1' }],
  OD_REF_UNKNOWN: [{ type: 'assessment', document: 'Β-404', year: 2026 }],
  OD_REF_KAE_MISMATCH: [{ kae: '20-6011', referenced: '20-6012' }],
  OD_COMMITMENT_EXCEEDS_APPROPRIATION: [{ ...excess, line: '20-6011' }],
  OD_ORDER_EXCEEDS_COMMITMENT: [excess],
  OD_PAYMENT_EXCEEDS_ORDER: [excess],
  OD_RECEIPT_EXCEEDS_ASSESSMENT: [excess],
  OD_REVERSAL_OF_BUDGET: [],
  OD_REVERSAL_OF_REVERSAL: [],
  OD_REVERSAL_EXCEEDS_UNREVERSED: [excess],
  OD_REVERSAL_BELOW_ORDERED: [{ left: 100n, followed: 200n }],
  OD_REVERSAL_BELOW_PAID: [{ left: 100n, followed: 200n }],
  OD_REVERSAL_BELOW_COLLECTED: [{ left: 100n, followed: 200n }],
};

const assetsExamples: Examples<typeof assetsErrors> = {
  OD_ASSET_MISSING: [],
  OD_ASSET_CATEGORY_MISSING: [],
  OD_ASSET_NAME_MISSING: [],
  OD_ASSET_VALUE_MISSING: [],
  OD_COUNTERPARTY_MISSING: [],
  OD_LATITUDE_INVALID: [{ lat: 382019 }],
  OD_LONGITUDE_INVALID: [{ lon: -181 }],
  OD_ASSET_ALREADY_REGISTERED: [{ asset: 'ΑΚ-017' }],
  OD_ASSET_UNKNOWN: [{ asset: 'ΑΚ-017' }],
  OD_ASSET_DISPOSED: [{ asset: 'ΑΚ-017' }],
};

// Each catalogue with its examples, erased to one shape so that all can be walked alike.
type Walkable = Readonly<Record<string, ((...params: never[]) => DomainError) & { readonly status: number; readonly column: string | null }>>;
type Built = readonly [code: string, error: DomainError, column: string | null];
const built = (catalogue: Walkable, examples: Readonly<Record<string, readonly unknown[]>>): Built[] =>
  Object.entries(catalogue).map(([code, make]) => {
    const params = examples[code] ?? [];
    const given = params[0] as { readonly column?: string } | undefined;
    return [code, make(...(params as never[])), given?.column ?? make.column];
  });

const identityExamples: Examples<typeof identityErrors> = {
  OD_ACCOUNT_UNKNOWN: [],
  OD_ACCOUNT_ERASED: [],
  OD_ACCOUNT_EXISTS: [],
  OD_EMAIL_INVALID: [],
  OD_PHONE_INVALID: [],
  OD_LANGUAGE_INVALID: [],
  OD_EMAIL_LINK_INVALID: [],
  OD_ERASURE_BLOCKED: [{ reasonsEl: 'οφειλή', reasonsEn: 'a debt' }],
  OD_COMPANY_TAXID_INVALID: [],
  OD_REPRESENTATIVE_TAXID_INVALID: [],
  OD_REPRESENTATION_SELF: [],
  OD_COMPANY_NAME_INVALID: [],
  OD_REPRESENTATION_BASIS_INVALID: [],
  OD_REPRESENTATION_EVIDENCE_INVALID: [],
  OD_REPRESENTATION_DATES_INVALID: [{ column: 'validUntil' }],
  OD_REPRESENTATIVE_IS_COMPANY: [],
  OD_REPRESENTED_IS_PERSON: [],
  OD_REPRESENTATION_DUPLICATE: [],
  OD_REPRESENTATION_UNKNOWN: [],
  OD_REPRESENTATION_ALREADY_REVOKED: [],
  OD_REPRESENTATION_NOT_ACTIVE: [],
  OD_ERASURE_BY_REPRESENTATIVE: [],
};

const of = { year: 2025, assessment: '000123' };
const applicationsExamples: Examples<typeof applicationsErrors> = {
  OD_SERVICE_UNKNOWN: [],
  OD_APPLICATION_UNKNOWN: [],
  OD_APPLICATION_INVALID: [],
  OD_APPLICANT_NOT_ELIGIBLE: [{ applicants: 'company' }],
  OD_APPLICATION_CLOSED: [],
  OD_APPLICATION_FEE_UNPAID: [],
  OD_APPLICATION_NOT_ASSIGNED: [],
  OD_APPLICATION_NO_QUESTION: [],
  OD_APPLICATION_NOT_APPROVED: [],
  OD_APPLICATION_REASON_REQUIRED: [],
  OD_DOCUMENT_UNKNOWN: [],
};

const debtsExamples: Examples<typeof debtsErrors> = {
  OD_DEBT_CONFLICT: [of],
  OD_DEBT_UNKNOWN: [of],
  OD_DEBT_AMOUNT_NOT_POSITIVE: [],
  OD_DEBT_SURCHARGES_NEGATIVE: [],
  OD_DEBT_DUE_BEFORE_ASSESSED: [],
  OD_DEBT_YEAR_MISMATCH: [],
  OD_DEBT_INSTALMENTS_INVALID: [],
  OD_DEBT_KAE_NOT_REVENUE: [{ kae: '00-6011' }],
  OD_DEBT_KAE_UNKNOWN: [{ kae: '0311' }],
  OD_DEBTOR_KIND_UNKNOWN: [{ raw: 'άλλο' }],
  OD_PERSONAL_DATA_UNAVAILABLE: [],
  OD_DEBT_ADJUSTMENT_EXCEEDS: [{ remaining: '10.00' }],
  OD_DEBT_ADJUSTMENT_CONFLICT: [{ ada: 'ΨΘ4Ο46ΜΓΘΓ-ΑΒΓ' }],
  OD_DEBT_ALREADY_PAID: [of],
  OD_DEBT_OVERPAID: [{ remaining: '10.00' }],
  OD_DEBT_SETTLED_ALREADY: [],
  OD_PAYMENT_EMPTY: [],
  OD_PAYMENT_UNKNOWN: [],
  OD_PAYMENT_AMOUNT_MISMATCH: [],
};

const rfExamples: Examples<typeof rfErrors> = {
  OD_RF_INVALID: [{ raw: 'RF1' }],
  OD_RF_CHECK_DIGITS: [{ raw: 'RF19539007547034' }],
  OD_RF_MUNICIPALITY_INVALID: [{ raw: 'l1' }],
  OD_RF_SELECTION_EMPTY: [],
  OD_RF_ASSESSMENT_INVALID: [{ raw: '2025 123' }],
};

const requestsExamples: Examples<typeof requestsErrors> = {
  OD_REQUEST_SERVICE_UNKNOWN: [],
  OD_REQUEST_SERVICE_CODE_INVALID: [],
  OD_REQUEST_UNKNOWN: [],
  OD_REQUEST_LOCATION_REQUIRED: [],
  OD_REQUEST_COORDINATES_INVALID: [],
  OD_REQUEST_OUTSIDE_MUNICIPALITY: [{ bounds: '38.15–38.32 N, 20.33–20.52 E' }],
  OD_REQUEST_DESCRIPTION_TOO_LONG: [{ max: 4000 }],
  OD_REQUEST_FIELD_TOO_LONG: [{ column: 'first_name', max: 100 }],
  OD_REQUEST_EMAIL_INVALID: [],
  OD_REQUEST_PHONE_INVALID: [],
  OD_REQUEST_MEDIA_URL_INVALID: [],
  OD_REQUEST_ATTRIBUTE_INVALID: [{ column: 'attribute[size]', reasonEl: 'είναι υποχρεωτικό', reasonEn: 'is required' }],
  OD_REQUEST_CLOSED: [],
  OD_REQUEST_STATUS_INVALID: [],
  OD_REQUEST_DATE_INVALID: [{ column: 'start_date' }],
  OD_REQUEST_API_KEY_INVALID: [],
  OD_REQUEST_STAGE_INVALID: [],
  OD_REQUEST_DUPLICATE_BY_MERGE: [],
  OD_REQUEST_REASON_REQUIRED: [],
  OD_REQUEST_REPLY_REQUIRED: [],
  OD_REQUEST_REPLY_TOO_LONG: [{ max: 4000 }],
  OD_REQUEST_EXPECTED_BEFORE_REQUESTED: [],
  OD_REQUEST_MERGE_INVALID: [],
  OD_REQUEST_NOT_FIXED: [],
  OD_REQUEST_REOPEN_TOO_LATE: [{ days: 30 }],
  OD_REQUEST_MERGE_TARGET_UNKNOWN: [],
  OD_REQUEST_DEPARTMENT_UNKNOWN: [],
  OD_REQUEST_EXPECTED_DATE_INVALID: [],
  OD_REQUEST_NONE_SELECTED: [],
  OD_REQUEST_REOPEN_LINK_INVALID: [],
};

const supplierNoticesExamples: Examples<typeof supplierNoticesErrors> = {
  OD_SUPPLIER_EVENTS_INVALID: [],
  OD_SUPPLIER_EMAIL_INVALID: [],
  OD_SUPPLIER_WEBHOOK_URL_INVALID: [{ reason: { el: 'μόνο https://', en: 'only https://' } }],
  OD_SUPPLIER_LINK_INVALID: [],
  OD_SUPPLIER_TOO_MANY: [{ limit: 10 }],
};

// The council's, the e-invoices' and the supplier threads' refusals, walked with a parameter object that answers every name (a
// number-like text, or its Greek and English for a bilingual one): their texts are checked the same way.
const anyParameters = (): readonly unknown[] => [
  new Proxy({}, { get: (_target, name) => (name === 'column' || typeof name !== 'string' ? undefined : Object.assign(new String('7'), { el: 'επτά', en: 'seven' })) }),
];
const walkedAll = (catalogue: Walkable): Readonly<Record<string, readonly unknown[]>> => Object.fromEntries(Object.keys(catalogue).map((code) => [code, anyParameters()]));

const everyRefusal = [
  ...built(councilErrors, walkedAll(councilErrors)),
  ...built(einvoicesErrors, walkedAll(einvoicesErrors)),
  ...built(supplierThreadErrors, walkedAll(supplierThreadErrors)),
  ...built(sharedErrors, sharedExamples),
  ...built(ledgerErrors, ledgerExamples),
  ...built(assetsErrors, assetsExamples),
  ...built(identityErrors, identityExamples),
  ...built(debtsErrors, debtsExamples),
  ...built(rfErrors, rfExamples),
  ...built(applicationsErrors, applicationsExamples),
  ...built(requestsErrors, requestsExamples),
  ...built(supplierNoticesErrors, supplierNoticesExamples),
];

test('each code is defined once across every catalogue of the domain', () => {
  const codes = domainErrorCatalogues.flatMap((catalogue) => Object.keys(catalogue));
  assert.is(new Set(codes).size, codes.length);
  assert.equal(Object.keys(domainRefusals).sort(), [...codes].sort());
  assert.is(everyRefusal.length, codes.length, 'the test walks every catalogue');
});

test('every refusal has a Greek and an English text, with every parameter filled in', () => {
  for (const [code, error] of everyRefusal) {
    for (const text of [error.messageEl, error.messageEn]) {
      assert.ok(text.trim().length > 0, `${code}: a text`);
      assert.not.match(text, /undefined|NaN|\[object/, `${code}: ${text}`);
    }
    assert.match(error.messageEl, /[\u0370-\u03ff]/, `${code}: the Greek text is in Greek`);
  }
});

test('a factory builds the DomainError its table says: code, column, status', () => {
  for (const [code, error, column] of everyRefusal) {
    assert.ok(isDomainError(error), code);
    assert.is(error.code, code);
    assert.is(error.message, `${code}: ${error.messageEn}`);
    const spec = domainRefusals[code];
    assert.is(error.status, spec?.status, code);
    assert.is(error.column, column, code);
  }
});

test('the texts are the ones clerks read in import reports', () => {
  const error = ledgerErrors.OD_PAYMENT_EXCEEDS_ORDER({ amount: '250.00', remainder: 20000n });
  assert.is(error.messageEl, 'Η πληρωμή 250.00 υπερβαίνει το υπόλοιπο 200.00 του εντάλματος');
  assert.is(error.messageEn, "The payment of 250.00 exceeds the payment order's remainder of 200.00");
  assert.is(error.column, 'amount');
  assert.is(ledgerErrors.OD_REF_MISSING({ expected: null }).messageEn, 'A reversal must name the document it reverses');
  assert.is(ledgerErrors.OD_REF_MISSING({ expected: 'order' }).messageEn, 'The referenced document (payment order) is missing');
});

test('a column given in the parameters names the column; otherwise the table does', () => {
  assert.is(sharedErrors.OD_AMOUNT_INVALID({ amount: 'x', column: 'value' }).column, 'value');
  assert.is(sharedErrors.OD_AMOUNT_NOT_POSITIVE({ column: 'value' }).messageEn, 'The value must be positive');
  assert.is(sharedErrors.OD_AMOUNT_NOT_POSITIVE({ column: 'amount' }).messageEn, 'The amount must be positive');
  assert.is(sharedErrors.OD_DATE_INVALID({ date: 'x' }).column, 'date');
  assert.is(sharedErrors.OD_CLASSIFICATION_INVALID({ reason: 'JSON' }).column, null);
  assert.is(sharedErrors.OD_AMOUNT_INVALID.column, 'amount');
});

test('a refusal is 422 unless its table says otherwise; a conflict with what is recorded is 409', () => {
  assert.is(sharedErrors.OD_NAME_MISSING().status, 422);
  assert.is(ledgerErrors.OD_DOCUMENT_CONFLICT({ type: 'order', document: 'Ε-1' }).status, 409);
  assert.equal(domainRefusals.OD_ASSET_ALREADY_REGISTERED, { status: 409, column: 'asset' });
  assert.equal(domainRefusals.OD_KAE_INVALID, { status: 422, column: 'kae' });
  assert.is(ledgerErrors.OD_BUDGET_LINE_EXISTS.code, 'OD_BUDGET_LINE_EXISTS');
});

test('a code defined in two catalogues is refused when the table is put together', () => {
  const again = refusals({ OD_NAME_MISSING: { column: 'name', el: () => 'Λείπει', en: () => 'Missing' } });
  assert.throws(() => refusalTable(sharedErrors, again), /OD_NAME_MISSING/);
});

// Never run: what must not compile, checked by `tsc`.
const _compileOnly = (): void => {
  // @ts-expect-error a parameter under a wrong name
  ledgerErrors.OD_PAYMENT_EXCEEDS_ORDER({ amont: '1.00', remainder: 0n });
  // @ts-expect-error a parameter missing
  ledgerErrors.OD_COMMITMENT_EXCEEDS_APPROPRIATION({ amount: '1.00', remainder: 0n });
  // @ts-expect-error a code without parameters takes none
  ledgerErrors.OD_DOCUMENT_MISSING({ document: 'x' });
  refusals({
    // @ts-expect-error the English text must take the parameters the Greek one takes
    OD_MISMATCH: { column: null, el: (p: { readonly a: string }) => p.a, en: (p: { readonly a: string; readonly b: string }) => p.b },
  });
};

test.run();
