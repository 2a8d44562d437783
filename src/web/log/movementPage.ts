// «Επαλήθευση / Verification» of one movement, linked beside it wherever the ledger lists movements
// (Site.movementLinks): its leaf, its entry as the books hold it, the JSON proof and the offline proof.
// An event the log does not hold (not public, or not yet projected) has no such page.
import type { LogServices } from '../../api/log/index.ts';
import { latestCheckpoint } from '../../api/log/index.ts';
import { entriesOfLeaves, leafOfPosition } from '../../projections/log/index.ts';
import { formatCount } from '../shared/format.ts';
import { html } from '../shared/html.ts';
import type { Page, Visit } from '../shared/page.ts';
import { NotFound } from '../shared/page.ts';
import { logText } from './messages.ts';

/** The movement as its entry names it (its document's number), else by its position. */
const movementName = (entryText: string | undefined, position: number): string => {
  const data: unknown = entryText === undefined ? null : (JSON.parse(entryText) as { data?: unknown }).data;
  const document = typeof data === 'object' && data !== null && 'document' in data ? data.document : null;
  return typeof document === 'string' ? document : `#${position}`;
};

export const movementProofPath = (position: number): string => `/verify/movement/${position}`;

export const movementProofPage = async (visit: Visit, log: LogServices, position: number): Promise<Page> => {
  const t = logText(visit);
  const m = t.movementProof;
  const leafIndex = await leafOfPosition(log.client, log.tables, position);
  if (leafIndex === null) throw new NotFound();
  const [checkpoint, [entry]] = await Promise.all([latestCheckpoint(log.client, log.schema), entriesOfLeaves(log.client, log.tables, leafIndex, 1)]);
  const included = checkpoint !== null && leafIndex < checkpoint.size;
  const title = m.title(movementName(entry?.text, position));
  const main = html`<h1>${title}</h1>
<p class="lead">${m.what}</p>
<section class="band" aria-labelledby="verification-title" data-leaf-index="${leafIndex}">
  <h2 id="verification-title">${m.heading}</h2>
  <dl class="facts"><div><dt>${m.leafIndex}</dt><dd>${formatCount(leafIndex)}</dd></div></dl>
  ${
    included
      ? html`<p>${m.inCheckpoint(formatCount(checkpoint.size))}</p>
  <ul class="link-list">
    <li><a href="/api/log/inclusion?position=${position}" data-proof="json">${m.json}</a></li>
    <li><a href="/api/log/proof?position=${position}" download data-proof="offline">${m.offline}</a></li>
  </ul>`
      : html`<p class="notice">${m.notYet}</p>`
  }
  ${entry ? html`<h3 id="entry-title">${m.entry}</h3><pre class="code" aria-labelledby="entry-title"><code>${entry.text}</code></pre>` : null}
  <p><a href="${visit.href('/verify')}">${m.how}</a></p>
</section>`;
  return { title, section: 'verify', crumbs: [{ label: t.logPages.title, path: '/verify' }], description: m.preview, main };
};
