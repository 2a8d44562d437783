// The camt.053 / camt.054 reader against documents laid out as ISO 20022 defines them (the bank double):
// both layouts (001.02, 001.08) and the namespaces of later versions, batch entries, debits and pending
// entries, the RF in the unstructured text, exact amounts, several statements, stable identities, and
// files that are not XML or not camt refused whole, in Greek and English, with the line.
import iconv from 'iconv-lite';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isIngestError } from '../../../src/ingest/errors.ts';
import type { BankEntry, BankStatementFile } from '../../../src/integrations/bankStatements/index.ts';
import { bookedCredits, readCamt, readCamtFrom } from '../../../src/integrations/bankStatements/index.ts';
import type { CamtEntry, CamtMessage, CamtVersion } from '../../support/doubles/bank/index.ts';
import { camtDocument, camtNamespace, manyCredits } from '../../support/doubles/bank/index.ts';

const IBAN = 'GR1601101250000000012300695';
const OTHER_IBAN = 'GR3602601250000000000000125';

const statement = (entries: readonly CamtEntry[], message: CamtMessage = 'camt.053', version: CamtVersion = '08'): string =>
  camtDocument({ message, version, statements: [{ id: 'STMT-1', iban: IBAN, from: '2025-10-02', to: '2025-10-02', entries }] });

const entriesOf = (file: BankStatementFile): readonly BankEntry[] => file.statements.flatMap((s) => s.entries);

const refusalOf = (input: Uint8Array | string): { code: string; line: number | null; el: string; en: string } => {
  try {
    readCamt(input);
  } catch (error) {
    if (isIngestError(error)) return { code: error.code, line: error.line, el: error.messageEl, en: error.messageEn };
    throw error;
  }
  return { code: 'accepted', line: null, el: '', en: '' };
};

/** The line of the n-th (1-based) occurrence of `text` in `xml`, counted here apart from the reader. */
const lineOfNth = (xml: string, text: string, n: number): number => {
  let at = -1;
  for (let i = 0; i < n; i++) at = xml.indexOf(text, at + 1);
  assert.ok(at !== -1, `${text} #${n}`);
  return xml.slice(0, at).split('\n').length;
};

const credit: CamtEntry = { amount: '45.00', bookingDate: '2025-10-02', accountServicerRef: 'R1', debtorName: 'ΠΑΠΑΔΟΠΟΥΛΟΣ ΓΕΩΡΓΙΟΣ', debtorIban: OTHER_IBAN, endToEndId: 'E2E-1', creditorRef: 'RF56LIX2025000123' };

for (const message of ['camt.053', 'camt.054'] as const) {
  for (const version of ['02', '08'] as const) {
    test(`${message}.001.${version}: a booked credit with its amount, dates, references, debtor and RF`, () => {
      const file = readCamt(statement([credit], message, version));
      assert.is(file.message, message);
      assert.is(file.version, `001.${version}`);
      assert.is(file.namespace, `urn:iso:std:iso:20022:tech:xsd:${message}.001.${version}`);
      assert.is(file.statements.length, 1);
      assert.is(file.statements[0]?.account.iban, IBAN);
      const [entry] = entriesOf(file);
      assert.ok(entry);
      assert.is(entry.amount.toFixed(2), '45.00');
      assert.is(entry.currency, 'EUR');
      assert.is(entry.creditDebit, 'CRDT');
      assert.is(entry.status, 'BOOK');
      assert.ok(entry.booked);
      assert.is(entry.bookingDate, '2025-10-02');
      assert.is(entry.valueDate, '2025-10-02');
      assert.is(entry.accountServicerRef, 'R1');
      assert.is(entry.endToEndId, 'E2E-1');
      assert.equal(entry.debtor, { name: 'ΠΑΠΑΔΟΠΟΥΛΟΣ ΓΕΩΡΓΙΟΣ', iban: OTHER_IBAN });
      assert.equal(entry.creditorReference, { ref: 'RF56LIX2025000123', type: 'SCOR' });
      assert.is(entry.rf, 'RF56LIX2025000123');
      assert.is(entry.position.path, `/Document/${message === 'camt.053' ? 'BkToCstmrStmt/Stmt' : 'BkToCstmrDbtCdtNtfctn/Ntfctn'}[1]/Ntry[1]`);
      assert.equal(file.refused, []);
    });
  }
}

test('the namespaces of later versions are read the same (001.04, 001.10, 001.13), and a prefixed Document too', () => {
  const xml = statement([credit]);
  for (const version of ['04', '10', '13']) {
    const file = readCamt(xml.replace(camtNamespace('camt.053', '08'), `urn:iso:std:iso:20022:tech:xsd:camt.053.001.${version}`));
    assert.is(file.version, `001.${version}`);
    assert.is(entriesOf(file)[0]?.rf, 'RF56LIX2025000123');
  }
  const prefixed = xml
    .replace(/<(\/?)([A-Za-z]+)([ >])/g, '<$1ns2:$2$3')
    .replace(`xmlns="${camtNamespace('camt.053', '08')}"`, `xmlns:ns2="${camtNamespace('camt.053', '08')}"`);
  assert.ok(prefixed.includes('<ns2:Ntry>'));
  assert.is(entriesOf(readCamt(prefixed))[0]?.amount.toFixed(2), '45.00');
});

test('a batch entry: each transaction is a credit of its own, numbered, with its line and path, and the entry unread as one', () => {
  for (const version of ['02', '08'] as const) {
    const xml = statement(
      [
        { amount: '', bookingDate: '2025-10-02', accountServicerRef: 'BATCH-1', batch: [
          { amount: '30.00', accountServicerRef: 'BATCH-1-A', debtorName: 'ΣΤΑΥΡΟΥ ΜΑΡΙΑ', creditorRef: 'RF29LIX2025000124' },
          { amount: '12.75', debtorName: 'ΚΟΥΡΗΣ ΝΙΚΟΛΑΟΣ', creditorRef: 'RF62LIX2024000042' },
          { amount: '7.25', unstructured: ['RF56 LIX2 0250 0012 3'] },
        ] },
      ],
      'camt.053',
      version,
    );
    assert.ok(xml.includes('<NbOfTxs>3</NbOfTxs>'));
    const entries = entriesOf(readCamt(xml));
    assert.equal(entries.map((e) => e.amount.toFixed(2)), ['30.00', '12.75', '7.25'], version);
    assert.equal(entries.map((e) => e.rf), ['RF29LIX2025000124', 'RF62LIX2024000042', 'RF56LIX2025000123']);
    assert.equal(entries.map((e) => e.debtor.name), ['ΣΤΑΥΡΟΥ ΜΑΡΙΑ', 'ΚΟΥΡΗΣ ΝΙΚΟΛΑΟΣ', null]);
    assert.equal(entries.map((e) => e.position.transaction), [1, 2, 3]);
    assert.equal(entries.map((e) => e.position.entry), [1, 1, 1]);
    assert.equal(entries.map((e) => e.position.path), [1, 2, 3].map((t) => `/Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/NtryDtls[1]/TxDtls[${t}]`));
    assert.equal(entries.map((e) => e.position.line), [1, 2, 3].map((t) => lineOfNth(xml, '<TxDtls>', t)));
    // The first has its own bank reference; the others are told apart by their place in the entry.
    assert.equal(entries.map((e) => e.accountServicerRef), ['BATCH-1-A', 'BATCH-1', 'BATCH-1']);
    assert.is(new Set(entries.map((e) => e.id)).size, 3);
    assert.ok(entries.every((e) => e.booked && e.bookingDate === '2025-10-02'));
  }
});

test('debits are read as debits and left out of what may pay debts; pending entries are reported, not counted', () => {
  const file = readCamt(
    statement([
      credit,
      { amount: '32.01', creditDebit: 'DBIT', bookingDate: '2025-10-02', accountServicerRef: 'FEE-1', unstructured: ['ΠΡΟΜΗΘΕΙΑ'] },
      { amount: '60.00', status: 'PDNG', bookingDate: '2025-10-02', accountServicerRef: 'P-1', creditorRef: 'RF29LIX2025000124' },
      { amount: '45.00', reversal: true, bookingDate: '2025-10-03', accountServicerRef: 'REV-1', creditorRef: 'RF56LIX2025000123' },
      { amount: '10.00', status: 'INFO', accountServicerRef: 'I-1' },
    ]),
  );
  const entries = entriesOf(file);
  assert.equal(entries.map((e) => [e.creditDebit, e.status, e.booked, e.reversal]), [
    ['CRDT', 'BOOK', true, false],
    ['DBIT', 'BOOK', true, false],
    ['CRDT', 'PDNG', false, false],
    ['CRDT', 'BOOK', true, true],
    ['CRDT', 'INFO', false, false],
  ]);
  assert.equal(bookedCredits(file).map((e) => e.accountServicerRef), ['R1']);
  // 001.02 writes the status as text, 001.08 as a code in Sts/Cd: the same reading.
  assert.equal(entriesOf(readCamt(statement([{ ...credit, status: 'PDNG' }], 'camt.054', '02'))).map((e) => e.status), ['PDNG']);
});

test('the RF in the unstructured text, as Greek banks pass it on: grouped or not, small letters, words around it', () => {
  const rfs = entriesOf(
    readCamt(
      statement([
        { amount: '1.00', unstructured: ['ΠΛΗΡΩΜΗ ΟΦΕΙΛΗΣ RF45 LIX2 0250 0012 7 ΤΕΛΗ ΥΔΡΕΥΣΗΣ'] },
        { amount: '1.00', unstructured: ['rf56lix2025000123'] },
        { amount: '1.00', unstructured: ['RF56 LIX2 0250 0012 3 TAP 2025'] },
        { amount: '1.00', unstructured: ['ΤΕΛΗ RF18 5390 0754 7034'] },
        // Check digits that do not match: no RF at all, rather than a wrong one.
        { amount: '1.00', unstructured: ['RF57 LIX2 0250 0012 3'] },
        // A structured reference that is not an RF (an invoice number), the RF in the text beside it.
        { amount: '1.00', creditorRef: 'ΤΙΜ-2025-0042', scor: false, unstructured: ['RF29LIX2025000124'] },
        { amount: '1.00', unstructured: ['ΔΗΜΟΤΙΚΑ ΤΕΛΗ'] },
      ]),
    ),
  ).map((e) => e.rf);
  assert.equal(rfs, ['RF45LIX2025000127', 'RF56LIX2025000123', 'RF56LIX2025000123', 'RF18539007547034', null, 'RF29LIX2025000124', null]);
});

test('the creditor reference is kept as the bank gives it, with its type when the bank says SCOR', () => {
  const [typed, untyped] = entriesOf(readCamt(statement([credit, { amount: '1.00', creditorRef: 'ΤΙΜ-2025-0042', scor: false }])));
  assert.equal(typed?.creditorReference, { ref: 'RF56LIX2025000123', type: 'SCOR' });
  assert.equal(untyped?.creditorReference, { ref: 'ΤΙΜ-2025-0042', type: null });
  assert.is(untyped?.rf, null);
});

test('amounts are exact decimals: 1234.5, 0.01, twelve digits, five decimals', () => {
  const entries = entriesOf(readCamt(statement(['1234.5', '0.01', '999999999999.99', '0.10000', '.5'].map((amount) => ({ amount })))));
  assert.equal(entries.map((e) => e.amount.toFixed(2)), ['1234.50', '0.01', '999999999999.99', '0.10', '0.50']);
  assert.ok(entries[0]?.amount.equals('1234.5'));
  assert.is(entries[1]?.amount.plus('0.02').toString(), '0.03');
});

test('a missing or bad amount refuses that entry, named by its place and line, and the others are still read', () => {
  const xml = statement([
    credit,
    { amount: '10.00', withoutAmount: true, accountServicerRef: 'NO-AMOUNT' },
    { amount: '-5.00', accountServicerRef: 'NEGATIVE' },
    { amount: '1,50', accountServicerRef: 'COMMA' },
    { amount: '2.00', accountServicerRef: 'B', batch: [{ amount: '2.00' }, { amount: 'abc' }] },
    { ...credit, accountServicerRef: 'R2' },
  ]);
  const file = readCamt(xml);
  assert.equal(entriesOf(file).map((e) => e.accountServicerRef), ['R1', 'B', 'R2']);
  assert.equal(
    file.refused.map((r) => [r.refusal.code, r.position.path, r.refusal.line]),
    [
      ['OD_CAMT_AMOUNT_MISSING', '/Document/BkToCstmrStmt/Stmt[1]/Ntry[2]', lineOfNth(xml, '<Ntry>', 2)],
      ['OD_CAMT_AMOUNT_INVALID', '/Document/BkToCstmrStmt/Stmt[1]/Ntry[3]', lineOfNth(xml, '<Ntry>', 3)],
      ['OD_CAMT_AMOUNT_INVALID', '/Document/BkToCstmrStmt/Stmt[1]/Ntry[4]', lineOfNth(xml, '<Ntry>', 4)],
      ['OD_CAMT_AMOUNT_INVALID', '/Document/BkToCstmrStmt/Stmt[1]/Ntry[5]/NtryDtls[1]/TxDtls[2]', lineOfNth(xml, '<TxDtls>', 6)],
    ],
  );
  const missing = file.refused[0]?.refusal;
  assert.ok(missing?.messageEl.includes('Λείπει το ποσό'));
  assert.ok(missing?.messageEn.includes('Stmt[1]/Ntry[2]'));
  assert.ok(file.refused[1]?.refusal.messageEn.includes('"-5.00"'));
});

test('an amount without currency, an unknown indicator or a date that is not one is refused with its element', () => {
  const xml = statement([credit])
    .replace('<Amt Ccy="EUR">45.00</Amt>\n        <CdtDbtInd>CRDT</CdtDbtInd>', '<Amt>45.00</Amt>\n        <CdtDbtInd>CRDT</CdtDbtInd>');
  assert.equal(readCamt(xml).refused.map((r) => r.refusal.code), ['OD_CAMT_CURRENCY_MISSING']);
  const indicator = statement([credit]).replace('45.00</Amt>\n        <CdtDbtInd>CRDT</CdtDbtInd>', '45.00</Amt>\n        <CdtDbtInd>CREDIT</CdtDbtInd>');
  assert.ok(indicator.includes('CREDIT'));
  assert.equal(readCamt(indicator).refused.map((r) => r.refusal.code), ['OD_CAMT_VALUE_INVALID']);
  const date = readCamt(statement([{ ...credit, bookingDate: '02/10/2025', valueDate: '2025-10-02' }]));
  assert.equal(date.refused.map((r) => [r.refusal.code, r.refusal.messageEn.includes('BookgDt')]), [['OD_CAMT_VALUE_INVALID', true]]);
});

test('several statements in one file: each with its account, balances and entries, numbered in order', () => {
  const xml = camtDocument({
    message: 'camt.053',
    statements: [
      { id: 'S-A', iban: IBAN, opening: { amount: '100.00', date: '2025-10-01' }, closing: { amount: '145.00', date: '2025-10-02' }, entries: [credit] },
      { id: 'S-EMPTY', iban: OTHER_IBAN, entries: [] },
      { id: 'S-B', iban: OTHER_IBAN, opening: { amount: '5.00', creditDebit: 'DBIT', date: '2025-10-01' }, entries: [{ ...credit, accountServicerRef: 'R1' }, { amount: '1.00', accountServicerRef: 'R3' }] },
    ],
  });
  const file = readCamt(xml);
  assert.equal(file.statements.map((s) => [s.id, s.account.iban, s.entries.length]), [['S-A', IBAN, 1], ['S-EMPTY', OTHER_IBAN, 0], ['S-B', OTHER_IBAN, 2]]);
  assert.equal(file.statements.map((s) => s.opening?.amount.toFixed(2)), ['100.00', '0.00', '5.00']);
  assert.is(file.statements[2]?.opening?.creditDebit, 'DBIT');
  assert.is(file.statements[0]?.closing?.amount.toFixed(2), '145.00');
  const b = file.statements[2]?.entries ?? [];
  assert.equal(b.map((e) => [e.position.statement, e.position.entry, e.position.path]), [
    [3, 1, '/Document/BkToCstmrStmt/Stmt[3]/Ntry[1]'],
    [3, 2, '/Document/BkToCstmrStmt/Stmt[3]/Ntry[2]'],
  ]);
  // The same bank reference on two accounts is two bookings.
  assert.is.not(file.statements[0]?.entries[0]?.id, b[0]?.id);
  assert.is(file.messageId, 'MSG-S-A');
});

test('identity: the same booking has the same id read again or in the notification of the day; without a bank reference, a digest', () => {
  const xml = statement([credit, { amount: '3.00' }, { amount: '3.00' }]);
  const first = entriesOf(readCamt(xml)).map((e) => e.id);
  assert.equal(entriesOf(readCamt(xml)).map((e) => e.id), first);
  assert.is(entriesOf(readCamt(statement([credit], 'camt.054', '02')))[0]?.id, first[0]);
  assert.is(first[0], `ref:${IBAN}:R1`);
  assert.match(first[1] ?? '', /^hash:[0-9a-f]{32}$/);
  assert.is.not(first[1], first[2]);
});

test('not XML: empty, text, bytes that are not UTF-8, a tag never closed, a DOCTYPE — refused whole, Greek and English, with the line', () => {
  assert.is(refusalOf('').code, 'OD_CAMT_NOT_XML');
  assert.is(refusalOf(new Uint8Array()).code, 'OD_CAMT_NOT_XML');
  const csv = refusalOf('afm;amount\n123456789;45,00\n');
  assert.is(csv.code, 'OD_CAMT_NOT_XML');
  assert.ok(csv.el.startsWith('Το αρχείο δεν είναι XML'));
  assert.ok(csv.en.startsWith('The file is not XML'));
  const latin = Buffer.concat([Buffer.from('<?xml version="1.0"?>\n<Document>\n<a>'), Buffer.from([0xc3, 0x28]), Buffer.from('</a></Document>')]);
  assert.equal(refusalOf(latin).code, 'OD_CAMT_NOT_XML');
  assert.is(refusalOf(latin).line, 3);
  const unclosed = statement([credit]).replace('</Amt>', '');
  assert.is(refusalOf(unclosed).code, 'OD_CAMT_NOT_XML');
  const crossed = refusalOf('<Document>\n<a>\n<b></a></b></Document>');
  assert.equal([crossed.code, crossed.line], ['OD_CAMT_NOT_XML', 3]);
  assert.is(refusalOf('<Document><a>x &nbsp; y</a></Document>').code, 'OD_CAMT_NOT_XML');
  const doctype = refusalOf('<?xml version="1.0"?>\n<!DOCTYPE lol [<!ENTITY a "aaaa">]>\n<Document>&a;</Document>');
  assert.equal([doctype.code, doctype.line], ['OD_CAMT_NOT_XML', 2]);
  assert.ok(doctype.en.includes('DOCTYPE'));
  assert.is(refusalOf(`${statement([credit])}<Document/>`).code, 'OD_CAMT_NOT_XML');
});

test('not camt: another ISO 20022 message, no namespace, another root, a body that does not fit the namespace', () => {
  const xml = statement([credit]);
  const pain = refusalOf(xml.replace(camtNamespace('camt.053', '08'), 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.09'));
  assert.is(pain.code, 'OD_CAMT_NOT_CAMT');
  assert.ok(pain.en.includes('pain.001.001.09'));
  assert.ok(pain.el.includes('camt.053'));
  assert.is(refusalOf(xml.replace(camtNamespace('camt.053', '08'), 'urn:iso:std:iso:20022:tech:xsd:camt.052.001.08')).code, 'OD_CAMT_NOT_CAMT');
  assert.is(refusalOf(xml.replace(camtNamespace('camt.053', '08'), 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.01')).code, 'OD_CAMT_NOT_CAMT');
  assert.is(refusalOf(xml.replace(` xmlns="${camtNamespace('camt.053', '08')}"`, '')).code, 'OD_CAMT_NOT_CAMT');
  assert.is(refusalOf(xml.replace(camtNamespace('camt.053', '08'), camtNamespace('camt.054', '08'))).code, 'OD_CAMT_NOT_CAMT');
  assert.is(refusalOf('<?xml version="1.0"?>\n<html><body>Bank</body></html>').code, 'OD_CAMT_NOT_CAMT');
  assert.is(refusalOf('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>').code, 'OD_CAMT_NOT_CAMT');
});

test('encodings: UTF-8 with a BOM, and ISO-8859-7 as the XML declaration says', () => {
  const xml = statement([credit]);
  assert.is(entriesOf(readCamt(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml)])))[0]?.debtor.name, 'ΠΑΠΑΔΟΠΟΥΛΟΣ ΓΕΩΡΓΙΟΣ');
  const greek = iconv.encode(xml.replace('encoding="UTF-8"', 'encoding="ISO-8859-7"'), 'iso-8859-7');
  assert.is(entriesOf(readCamt(greek))[0]?.debtor.name, 'ΠΑΠΑΔΟΠΟΥΛΟΣ ΓΕΩΡΓΙΟΣ');
});

test('a statement without its Id or account is refused whole', () => {
  const noId = statement([credit]).replace('<Id>STMT-1</Id>', '');
  assert.is(refusalOf(noId).code, 'OD_CAMT_ELEMENT_MISSING');
  const noAccount = statement([credit]).replace(`<IBAN>${IBAN}</IBAN>`, '');
  assert.is(refusalOf(noAccount).code, 'OD_CAMT_ELEMENT_MISSING');
});

test('read from a stream of chunks as from one buffer; thousands of credits, each with its own line', async () => {
  const xml = manyCredits(2000, (i) => (i === 1999 ? 'RF56LIX2025000123' : `X${i}`));
  const bytes = Buffer.from(xml);
  const chunks = async function* (): AsyncGenerator<Uint8Array> {
    for (let at = 0; at < bytes.length; at += 65536) yield bytes.subarray(at, at + 65536);
  };
  const file = await readCamtFrom(chunks());
  const entries = entriesOf(file);
  assert.is(entries.length, 2000);
  assert.is(bookedCredits(file).length, 2000);
  assert.is(entries[1999]?.rf, 'RF56LIX2025000123');
  assert.is(entries[1999]?.position.line, lineOfNth(xml, '<Ntry>', 2000));
  assert.is(new Set(entries.map((e) => e.id)).size, 2000);
});

test.run();
