// Movements (κινήσεις) as a citizen reads them: a table on the search pages, a list of cards on the home
// page. A natural person is only ever «φυσικό πρόσωπο»; a legal entity links to its supplier page.
import type { TransactionTypeName, TransactionView } from '../../../projections/ledger/index.ts';
import type { CounterpartyView } from '../../../projections/shared/views.ts';
import { lineKey } from '../../../projections/ledger/index.ts';
import { formatDate, formatEuro } from '../format.ts';
import { html } from '../html.ts';
import type { Html } from '../html.ts';
import { queryString } from '../lang.ts';
import type { MovementLink, Visit } from '../page.ts';
import { dataText } from './dataText.ts';
import { scrollTable } from './table.ts';

/** The document an order, payment or receipt follows when its ref is a bare number. */
const FOLLOWS: Partial<Record<TransactionTypeName, TransactionTypeName>> = { ORDER: 'COMMITMENT', PAYMENT: 'ORDER', RECEIPT: 'ASSESSMENT' };

const refText = (visit: Visit, m: TransactionView): string | null => {
  if (m.ref === null) return null;
  const [head, ...rest] = m.ref.split(':');
  const typed = rest.length > 0 ? (head ?? '').toUpperCase() : '';
  if (typed in visit.t.types) return `${visit.t.types[typed as TransactionTypeName]} ${rest.join(':')}`;
  const follows = FOLLOWS[m.type];
  return follows ? `${visit.t.types[follows]} ${m.ref}` : m.ref;
};

/** Expense documents name suppliers (who have a page); revenue documents name payers, found by ΑΦΜ. */
const EXPENSE_TYPES: ReadonlySet<TransactionTypeName> = new Set(['COMMITMENT', 'ORDER', 'PAYMENT']);

export const counterpartyText = (visit: Visit, counterparty: CounterpartyView | null, link: 'supplier' | 'movements' | 'none'): Html => {
  if (counterparty === null) return html`<span class="muted">${visit.t.common.none}</span>`;
  if (counterparty.naturalPerson || counterparty.afm === null) return html`<span class="natural-person">${visit.t.naturalPerson}</span>`;
  const name = dataText(visit, counterparty.name);
  if (link === 'none') return html`${name}`;
  const path = link === 'supplier' ? `/suppliers/${encodeURIComponent(counterparty.afm)}` : `/movements${queryString({ afm: counterparty.afm })}`;
  return html`<a href="${visit.href(path)}">${name}</a>`;
};

const movementCounterparty = (visit: Visit, m: TransactionView): Html =>
  counterpartyText(visit, m.counterparty, EXPENSE_TYPES.has(m.type) ? 'supplier' : 'movements');

export const linePath = (year: number, kae: string): string => `/budget/${year}/kae/${encodeURIComponent(kae)}`;

const typeTag = (visit: Visit, type: TransactionTypeName): Html => html`<span class="tag tag-${type.toLowerCase()}">${visit.t.types[type]}</span>`;

const adaLink = (visit: Visit, ada: string): Html =>
  html`<a class="ada" href="https://diavgeia.gov.gr/decision/view/${encodeURIComponent(ada)}" title="${visit.t.movement.adaLink(ada)}">${visit.t.movement.ada} ${ada}</a>`;

const kaeCell = (visit: Visit, m: TransactionView, titles: ReadonlyMap<string, string>): Html => {
  const title = titles.get(lineKey(m.year, m.kae));
  return html`<a href="${visit.href(linePath(m.year, m.kae))}" class="kae">${m.kae}</a>${dataText(visit, title, 'kae-title')}`;
};

export interface SortableColumn {
  /** The header's content: a link that sorts by the column, with aria-sort on the cell when it is sorted. */
  readonly date?: (label: string) => Html;
  readonly amount?: (label: string) => Html;
}

/** The other contexts' links for one movement (Site.movementLinks), each named for screen readers. */
const movementLinks = (visit: Visit, m: TransactionView, links: readonly MovementLink[]): Html | null =>
  links.length === 0
    ? null
    : html`<span class="movement-links">${links.map(
        (l) => html` <a href="${visit.href(l.path(m.position))}">${l.label[visit.lang]}<span class="visually-hidden"> ${l.of[visit.lang](m.document)}</span></a>`,
      )}</span>`;

export const movementTable = (
  visit: Visit,
  rows: readonly TransactionView[],
  options: {
    readonly id: string;
    readonly caption: string;
    readonly titles: ReadonlyMap<string, string>;
    readonly sortable?: SortableColumn;
    /** Site.movementLinks: the other contexts' links beside each movement. */
    readonly links?: readonly MovementLink[] | undefined;
  },
): Html => {
  const c = visit.t.movement.columns;
  // Explicit roles: on a phone the rows are laid out as cards (site.css), which would otherwise cost the
  // table its semantics in some browsers.
  const head = html`<thead role="rowgroup"><tr role="row">
  ${options.sortable?.date ? options.sortable.date(c.date) : html`<th scope="col" role="columnheader">${c.date}</th>`}
  <th scope="col" role="columnheader">${c.type}</th><th scope="col" role="columnheader">${c.document}</th><th scope="col" role="columnheader">${c.kae}</th>
  <th scope="col" role="columnheader">${c.counterparty}</th><th scope="col" role="columnheader">${c.description}</th>
  ${options.sortable?.amount ? options.sortable.amount(c.amount) : html`<th scope="col" role="columnheader" class="num">${c.amount}</th>`}
</tr></thead>`;
  const body = html`<tbody role="rowgroup">${rows.map((m) => {
    const ref = refText(visit, m);
    return html`<tr role="row" data-position="${m.position}">
  <td role="cell" class="c-date nowrap"><time datetime="${m.date}">${formatDate(m.date)}</time></td>
  <td role="cell" class="c-type">${typeTag(visit, m.type)}</td>
  <th scope="row" role="rowheader" class="c-document document" data-label="${c.document}">${m.document}${ref ? html`<span class="ref">${visit.t.movement.refers}: ${ref}</span>` : null}</th>
  <td role="cell" class="c-kae" data-label="${c.kae}">${kaeCell(visit, m, options.titles)}</td>
  <td role="cell" class="c-party" data-label="${c.counterparty}">${movementCounterparty(visit, m)}</td>
  <td role="cell" class="c-description description">${dataText(visit, m.description)}${m.ada ? html` ${adaLink(visit, m.ada)}` : null}${movementLinks(visit, m, options.links ?? [])}</td>
  <td role="cell" class="c-amount num amount">${formatEuro(m.amount)}</td>
</tr>`;
  })}</tbody>`;
  return scrollTable(options.id, options.caption, html`${head}${body}`, { className: 'data movements', role: 'table' });
};

/** What a screen reader announces for a new movement on the home page. */
export const movementSummary = (visit: Visit, m: TransactionView): string => visit.t.movement.summary(visit.t.types[m.type], formatEuro(m.amount), m.kae);

export const movementCard = (visit: Visit, m: TransactionView, titles: ReadonlyMap<string, string>): Html => {
  const title = titles.get(lineKey(m.year, m.kae));
  return html`<li class="movement-card" data-position="${m.position}" data-summary="${movementSummary(visit, m)}">
  <p class="movement-head">${typeTag(visit, m.type)} <span class="amount">${formatEuro(m.amount)}</span></p>
  <p class="movement-what">${dataText(visit, m.description ?? title)}</p>
  <p class="movement-meta"><time datetime="${m.date}">${formatDate(m.date)}</time> · ΚΑΕ <a href="${visit.href(linePath(m.year, m.kae))}">${m.kae}</a>${m.description ? html` ${dataText(visit, title, 'kae-title')}` : null} · ${movementCounterparty(visit, m)}</p>
</li>`;
};
