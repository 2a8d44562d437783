// Open data & API: GraphQL examples to copy, the live feed, the exports and the Fiscal Data Package, how
// to verify the hash chain, and the public log of imports.
import { listImports } from '../../../projections/imports/index.ts';
import { fiscalYears } from '../../../projections/ledger/index.ts';
import { loadPageOrFirst, pager } from '../components/pager.ts';
import { scrollTable } from '../components/table.ts';
import { formatCount, formatDateTime } from '../format.ts';
import { html } from '../html.ts';
import type { Html } from '../html.ts';
import { queryString } from '../lang.ts';
import type { Page, Site, Visit } from '../page.ts';
import { curlExample, graphqlExamples, liveFeedExample, liveMessages, verifyExample } from './openDataExamples.ts';
import { openDataText } from './openDataText.ts';

export const IMPORTS_PAGE_SIZE = 20;

export const openDataQuerySchema = { type: 'object', properties: { after: { type: 'string', maxLength: 200 } } } as const;

const code = (text: string): Html => html`<pre class="code"><code>${text}</code></pre>`;

const importLog = async (site: Site, visit: Visit, after: string | null): Promise<Html> => {
  const text = openDataText(visit.lang).imports;
  const load = (cursor: string | null) => listImports(site.db, site.schema, { first: IMPORTS_PAGE_SIZE, after: cursor });
  const { result, after: cursor } = await loadPageOrFirst(load, after);
  if (result.nodes.length === 0) return html`<p>${text.none}</p>`;
  const c = text.columns;
  const last = result.cursors[result.cursors.length - 1];
  const table = scrollTable(
    'imports-table',
    text.caption,
    html`<thead><tr><th scope="col">${c.file}</th><th scope="col">${c.kind}</th><th scope="col">${c.finished}</th><th scope="col" class="num">${c.rows}</th><th scope="col" class="num">${c.imported}</th><th scope="col" class="num">${c.duplicates}</th><th scope="col" class="num">${c.rejected}</th><th scope="col">${c.outcome}</th></tr></thead>
<tbody>${result.nodes.map(
      (i) => html`<tr><th scope="row"><span class="file-name">${i.fileName}</span><span class="hash" title="SHA-256">${i.sha256.slice(0, 16)}…</span></th><td>${text.kinds[i.kind] ?? i.kind}</td>
<td class="nowrap"><time datetime="${i.finishedAt}">${formatDateTime(i.finishedAt)}</time></td><td class="num">${formatCount(i.rows)}</td><td class="num">${formatCount(i.imported)}</td>
<td class="num">${formatCount(i.duplicates)}</td><td class="num">${formatCount(i.rejected)}</td><td><span class="outcome outcome-${i.outcome.toLowerCase()}">${text.outcomes[i.outcome] ?? i.outcome}</span></td></tr>`,
    )}</tbody>`,
  );
  return html`${table}${pager(visit, {
    page: 1,
    pageSize: IMPORTS_PAGE_SIZE,
    shown: result.nodes.length,
    total: result.nodes.length,
    firstHref: cursor === null ? null : visit.href('/open-data#imports'),
    nextHref: result.hasNextPage && last ? visit.href(`/open-data${queryString({ after: last })}#imports`) : null,
  })}`;
};

export const openDataPage = async (site: Site, visit: Visit, after: string | null): Promise<Page> => {
  const { t } = visit;
  const text = openDataText(visit.lang);
  const [years, imports] = await Promise.all([fiscalYears(site.db, site.schema), importLog(site, visit, after)]);
  const year = years[0] ?? new Date().getFullYear();
  const sections = [
    ['graphql', text.graphql.title],
    ['live', text.live.title],
    ['exports', text.exports.title],
    ['fdp', text.fdp.title],
    ['verify', text.verify.title],
    ['imports', text.imports.title],
  ] as const;
  const main = html`<h1>${t.openData.title}</h1>
<p class="lead">${text.lead}</p>
<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">${text.contents}</h2><ol>${sections.map(([id, title]) => html`<li><a href="#${id}">${title}</a></li>`)}</ol></nav>

<section class="band" id="graphql" aria-labelledby="graphql-title">
  <h2 id="graphql-title">${text.graphql.title}</h2>
  <p>${text.graphql.intro}</p>
  ${graphqlExamples(year).map((example) => html`<h3 id="example-${example.id}">${text.graphql.examples[example.id] ?? example.id}</h3>${code(example.query)}`)}
  <h3>${text.graphql.curl}</h3>
  ${code(curlExample(visit.origin, year))}
</section>

<section class="band" id="live" aria-labelledby="live-title">
  <h2 id="live-title">${text.live.title}</h2>
  <p>${text.live.intro}</p>
  <h3>${text.live.messages}</h3>
  ${code(liveMessages)}
  <h3>${text.live.example}</h3>
  ${code(liveFeedExample(visit.origin))}
</section>

<section class="band" id="exports" aria-labelledby="exports-title">
  <h2 id="exports-title">${text.exports.title}</h2>
  <p>${text.exports.intro}</p>
  <p>${text.exports.dialects}</p>
  <ul class="link-list">
    <li><a href="/api/exports/transactions.csv${queryString({ year, orderBy: 'DATE_ASC' })}">${text.exports.csvYear(year)}</a></li>
    <li><a href="/api/exports/transactions.csv${queryString({ year, orderBy: 'DATE_ASC', dialect: 'rfc4180' })}">${text.exports.csvYearRaw(year)}</a></li>
    <li><a href="/api/exports/transactions.json${queryString({ year, type: 'PAYMENT', orderBy: 'AMOUNT_DESC' })}">${text.exports.jsonPayments(year)}</a></li>
  </ul>
  ${scrollTable(
    'export-parameters',
    text.exports.parameters,
    html`<thead><tr><th scope="col">${text.exports.parameter}</th><th scope="col">${text.exports.meaning}</th></tr></thead>
<tbody>${Object.entries(text.exports.params).map(([name, meaning]) => html`<tr><th scope="row"><code>${name}</code></th><td>${meaning}</td></tr>`)}</tbody>`,
  )}
</section>

<section class="band" id="fdp" aria-labelledby="fdp-title">
  <h2 id="fdp-title">${text.fdp.title}</h2>
  <p>${text.fdp.intro}</p>
  <ul class="link-list">${years.map((y) => html`<li><a href="/api/exports/fdp/${y}/datapackage.json">${text.fdp.link(y)}</a></li>`)}</ul>
</section>

<section class="band" id="verify" aria-labelledby="verify-title">
  <h2 id="verify-title">${text.verify.title}</h2>
  <p>${text.verify.intro}</p>
  <p>${text.verify.how}</p>
  ${code(verifyExample)}
  <p>${text.verify.broken}</p>
</section>

<section class="band" id="imports" aria-labelledby="imports-title">
  <h2 id="imports-title">${text.imports.title}</h2>
  <p>${text.imports.intro}</p>
  ${imports}
</section>`;
  return { title: t.openData.title, section: 'openData', crumbs: [], description: t.descriptions.openData, main };
};
