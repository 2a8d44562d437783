// «Πώς να ελέγξετε τα βιβλία μας» / "Verify our books": the latest checkpoint as signed, the verifier key,
// the witnesses' cosignatures, the steps with the independent tool, the entry format, and the same proof
// check in Python (verify.py, the file the tests run and the site serves).
import { readFileSync } from 'node:fs';
import type { LogServices, PublishedCheckpoint } from '../../api/log/index.ts';
import { latestCheckpoint } from '../../api/log/index.ts';
import { keyIdHex, parseNote } from '../../domain/log/index.ts';
import { facts } from '../shared/components/table.ts';
import { scrollTable } from '../shared/components/table.ts';
import { formatCount, formatDateTime } from '../shared/format.ts';
import { html } from '../shared/html.ts';
import type { Html } from '../shared/html.ts';
import type { Page, Site, Visit } from '../shared/page.ts';
import { logText } from './messages.ts';

/** The Python check, read once: the page shows it and /verify/verify.py serves it, byte for byte. */
/** The page that checks one document by its code or its file, when a context offers it (Site.services). */
const DOCUMENT_CHECK_PATH = '/verify/document';

export const VERIFY_PY = readFileSync(new URL('./verify.py', import.meta.url), 'utf8');
export const VERIFY_PY_PATH = '/verify/verify.py';

const code = (text: string): Html => html`<pre class="code"><code>${text}</code></pre>`;
const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

interface Cosignature {
  readonly name: string;
  readonly keyId: string;
  /** cosignature/v1 signs a timestamp (big-endian seconds, the signature's first 8 bytes). */
  readonly at: string | null;
}

/** The signatures on the note other than the log's own: the witnesses' cosignatures. */
const cosignaturesOf = (log: LogServices, checkpoint: PublishedCheckpoint): Cosignature[] =>
  parseNote(checkpoint.note)
    .signatures.filter((s) => !(s.name === log.signer.name && s.keyId === log.signer.keyId))
    .map((s) => {
      const seconds = s.signature.length === 72 ? Number(Buffer.from(s.signature).readBigUInt64BE(0)) : null;
      return { name: s.name, keyId: keyIdHex(s.keyId), at: seconds === null ? null : new Date(seconds * 1000).toISOString() };
    });

const checkpointSection = (visit: Visit, checkpoint: PublishedCheckpoint | null): Html => {
  const t = logText(visit).logPages;
  return html`<section class="band" aria-labelledby="checkpoint-title">
  <h2 id="checkpoint-title">${t.checkpointTitle}</h2>
  <p>${t.checkpointWhat}</p>
  ${
    checkpoint === null
      ? html`<p class="notice" data-checkpoint="none">${t.noCheckpoint}</p>`
      : html`${facts([
          [t.size, html`<span data-tree-size="${checkpoint.size}">${formatCount(checkpoint.size)}</span>`],
          [t.root, html`<code class="hash">${base64(checkpoint.root)}</code>`],
          [t.publishedAt, html`<time datetime="${checkpoint.publishedAt}">${formatDateTime(checkpoint.publishedAt)}</time>`],
        ])}
  <h3 id="note-title">${t.note}</h3>
  <pre class="code" aria-labelledby="note-title" data-note><code>${checkpoint.note}</code></pre>`
  }
</section>`;
};

const witnessesSection = (visit: Visit, log: LogServices, checkpoint: PublishedCheckpoint | null): Html => {
  const t = logText(visit).logPages;
  const cosignatures = checkpoint ? cosignaturesOf(log, checkpoint) : [];
  const table =
    cosignatures.length === 0
      ? html`<p>${t.witnessesNone}</p>`
      : scrollTable(
          'witnesses-caption',
          t.witnessCaption,
          html`<thead><tr><th scope="col">${t.witnessName}</th><th scope="col">${t.witnessKeyId}</th><th scope="col">${t.witnessAt}</th></tr></thead>
<tbody>${cosignatures.map((c) => html`<tr><th scope="row">${c.name}</th><td><code>${c.keyId}</code></td><td>${c.at ? html`<time datetime="${c.at}">${formatDateTime(c.at)}</time>` : null}</td></tr>`)}</tbody>`,
        );
  return html`<section class="band" aria-labelledby="witnesses-title">
  <h2 id="witnesses-title">${t.witnessesTitle}</h2>
  <p>${t.witnessesIntro}</p>
  ${table}
  ${log.witnesses.length === 0 ? null : html`<p>${t.witnessKeys}</p>${code(log.witnesses.map((w) => `--witness ${w.verifierKey}`).join('\n'))}`}
</section>`;
};

export const verifyPage = async (site: Site, visit: Visit, log: LogServices): Promise<Page> => {
  const t = logText(visit).logPages;
  const checkpoint = await latestCheckpoint(log.client, log.schema);
  const logUrl = `${site.publicUrl}/log/`;
  const [model, tool, check, single] = t.steps;
  // Checking one document (the applications context's page) is found here too: a person comes to /verify.
  const documents = site.services.find((s) => s.path === DOCUMENT_CHECK_PATH);
  const main = html`<h1>${t.title}</h1>
<p class="lead">${t.lead}</p>
${documents ? html`<section class="band" aria-labelledby="document-check-title"><h2 id="document-check-title">${documents.label[visit.lang]}</h2><p>${documents.summary[visit.lang]}</p><p><a class="button" href="${visit.href(DOCUMENT_CHECK_PATH)}">${documents.label[visit.lang]}</a></p></section>` : ''}
${checkpointSection(visit, checkpoint)}
<section class="band" aria-labelledby="key-title">
  <h2 id="key-title">${t.keyTitle}</h2>
  <p>${t.keyIntro}</p>
  ${code(log.signer.verifierKey)}
</section>
${witnessesSection(visit, log, checkpoint)}
<section class="band" aria-labelledby="steps-title">
  <h2 id="steps-title">${t.stepsTitle}</h2>
  <ol class="steps">
    <li><p>${model}</p></li>
    <li><p>${tool}</p>${code(`node tools/verify-log.mjs ${logUrl} --key ${log.signer.verifierKey} --state state.json`)}<p>${check}</p><p>${t.findHint}</p>${code(`node tools/verify-log.mjs ${logUrl} --find "13640.00"`)}</li>
    <li><p>${single}</p></li>
  </ol>
  <h3 id="links-title">${t.links}</h3>
  <ul class="link-list" aria-labelledby="links-title">
    <li><a href="/log/checkpoint"><code>/log/checkpoint</code></a></li>
    <li><a href="/log/key"><code>/log/key</code></a></li>
    <li><a href="/log/checkpoints?from=0"><code>/log/checkpoints?from=0</code></a></li>
  </ul>
</section>
<section class="band" aria-labelledby="format-title">
  <h2 id="format-title">${t.formatTitle}</h2>
  <p>${t.formatIntro}</p>
  <dl class="facts">${Object.entries(t.fields).map(([name, what]) => html`<div><dt><code>${name}</code></dt><dd>${what}</dd></div>`)}</dl>
  <p>${t.hashes}</p>
</section>
<section class="band" aria-labelledby="python-title">
  <h2 id="python-title">${t.pythonTitle}</h2>
  <p>${t.pythonIntro}</p>
  <pre class="code" data-python><code>${VERIFY_PY}</code></pre>
  <p>${t.pythonRun}</p>
  ${code(`python3 verify.py ${site.publicUrl} 1234`)}
  <p><a href="${VERIFY_PY_PATH}" download>${t.pythonDownload}</a></p>
</section>`;
  return { title: t.title, section: 'verify', crumbs: [], description: t.preview, main };
};
