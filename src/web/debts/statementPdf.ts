// The debt statement as PDF (/my/debts.pdf, /en/my/debts.pdf): who owes, every debt with its RF code and
// status in words, the totals, and, when something remains, the RF, the payment instructions of the page
// and the EPC QR code for one transfer of everything. The Greek file gives the English beside each Greek
// text; the English one is in English.
import { Decimal } from 'decimal.js';
import type { PaymentAccount, Statement, StatementDebt } from '../../api/debts/index.ts';
import { formatRf } from '../../domain/index.ts';
import { formatDate, formatDateTime, formatEuro } from '../shared/format.ts';
import type { Lang } from '../shared/lang.ts';
import type { Municipality } from '../shared/municipality.ts';
import type { PdfColumn } from '../shared/pdf.ts';
import { PdfWriter } from '../shared/pdf.ts';
import { paymentQrModules } from '../shared/qr.ts';
import { debtsText } from './messages.ts';

const euro = (amount: Decimal): string => formatEuro(amount.toFixed(2));
const QR_SIDE = 130;

export interface StatementPdf {
  readonly lang: Lang;
  readonly statement: Statement;
  readonly account: PaymentAccount;
  readonly municipality: Municipality;
  /** Who the statement is of: the person's name, or the company's when a representative acts for it. */
  readonly debtor: { readonly name: string; readonly taxid: string | null };
  readonly issuedAt: Date;
}

type Words = ReturnType<typeof debtsText>;

const words = { el: debtsText({ lang: 'el' }), en: debtsText({ lang: 'en' }) };

/** The texts of the file: Greek then English in the Greek file (one, where they are the same: «IBAN»), English alone in the English one. */
const textsOf = (lang: Lang, pick: (t: Words) => string): readonly string[] => {
  if (lang === 'en') return [pick(words.en)];
  const [el, en] = [pick(words.el), pick(words.en)];
  return el === en ? [el] : [el, en];
};

const sum = (debts: readonly StatementDebt[], of: (d: StatementDebt) => Decimal): Decimal => debts.reduce((s, d) => s.plus(of(d)), new Decimal(0));

export const statementPdf = async (input: StatementPdf): Promise<Uint8Array> => {
  const { statement, lang } = input;
  // «Υπόλοιπο / Remaining» in the Greek file (`joint` between them), "Remaining" in the English.
  const say = (pick: (t: Words) => string, joint = ' / '): string => textsOf(lang, pick).join(joint);
  const both = (pick: (t: Words) => string): readonly string[] => textsOf(lang, pick);
  const issued = formatDateTime(input.issuedAt.toISOString());
  const municipality = lang === 'el' ? `${input.municipality.name.el} / ${input.municipality.name.en}` : input.municipality.name.en;
  const pdf = await PdfWriter.start({
    title: `${say((t) => t.pdfTitle)}: ${input.debtor.name}`,
    header: [municipality, `${say((t) => t.pdfTitle)} · ${say((t) => t.issuedOn)} ${issued}`],
    pageLabel: (page, pages) => say((t) => t.pageOf(page, pages)),
    language: lang === 'el' ? 'el-GR' : 'en-GB',
    author: lang === 'el' ? input.municipality.name.el : input.municipality.name.en,
    issuedAt: input.issuedAt,
    orientation: 'landscape',
  });

  pdf.heading(say((t) => t.pdfTitle), 14);
  const overdue = statement.overdue.isPositive() ? [[say((t) => t.overdue), euro(statement.overdue)] as const] : [];
  pdf.facts([
    [say((t) => t.debtor), input.debtor.name],
    ...(input.debtor.taxid ? [[say((t) => t.taxid), input.debtor.taxid] as const] : []),
    [say((t) => t.totalRemaining), euro(statement.total)],
    ...overdue,
  ]);
  pdf.text(say((t) => t.asOf(formatDate(statement.today))), { muted: true });

  if (statement.debts.length === 0) pdf.text(say((t) => t.none, ' · '));
  else {
    const money = (pick: (t: Words) => string): PdfColumn => ({ header: say(pick, '\n'), weight: 56, align: 'right' });
    pdf.table({
      columns: [
        { header: say((t) => t.reason, '\n'), weight: 150 },
        { header: say((t) => t.year, '\n'), weight: 30 },
        { header: say((t) => t.assessment, '\n'), weight: 56 },
        money((t) => t.principal),
        { ...money((t) => t.surcharges), weight: 62 },
        money((t) => t.reduced),
        money((t) => t.paid),
        money((t) => t.remaining),
        { header: say((t) => t.dueOn, '\n'), weight: 50 },
        { header: say((t) => t.status, '\n'), weight: 66 },
        { header: say((t) => t.rf, '\n'), weight: 104 },
      ],
      rows: statement.debts.map((d) => [
        d.reason,
        String(d.year),
        d.assessment,
        euro(d.amount),
        euro(d.surcharges),
        euro(d.reduced.plus(d.writtenOff)),
        euro(d.paid),
        euro(d.remaining),
        formatDate(d.dueOn),
        say((t) => t.statuses[d.status], '\n'),
        d.remaining.isPositive() ? formatRf(d.rf) : '',
      ]),
      totals: [
        [
          say((t) => t.total),
          '',
          '',
          euro(sum(statement.debts, (d) => d.amount)),
          euro(sum(statement.debts, (d) => d.surcharges)),
          euro(sum(statement.debts, (d) => d.reduced.plus(d.writtenOff))),
          euro(sum(statement.debts, (d) => d.paid)),
          euro(statement.total),
          '',
          '',
          '',
        ],
      ],
    });
  }

  if (statement.rfAll) {
    const total = euro(statement.total);
    const rf = formatRf(statement.rfAll);
    // The instructions, the code and its QR together: a 130 pt (46 mm) symbol, which banking apps read at arm's length.
    pdf.heading(say((t) => t.payAllTitle), 12, QR_SIDE + 60);
    for (const lead of both((t) => t.payAllLead)) pdf.text(lead);
    const qr = { name: input.account.name, iban: input.account.iban, ...(input.account.bic ? { bic: input.account.bic } : {}), amount: statement.total, rf: statement.rfAll };
    pdf.qr(paymentQrModules(qr), QR_SIDE, [
      [say((t) => t.rf), rf],
      [say((t) => t.amount), total],
      [say((t) => t.beneficiary), input.account.name],
      [say((t) => t.iban), input.account.iban.replace(/(.{4})(?=.)/g, '$1 ')],
      ...both((t) => `${t.qrHint} ${t.rfChanges}`),
    ]);
  }
  return pdf.finish();
};
