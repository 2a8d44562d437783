// «Έλεγχος εγγράφου / Check a document»: the code form (GET, redirected to /verify/<code>), the upload form
// (the PDF's digest against the register and its signature), and the answer. An unknown code says
// "unknown" and nothing else, so the page teaches nobody what a code looks like on the inside.
import type { ServiceDefinition } from '../../domain/index.ts';
import type { UploadVerification, Verification } from '../../api/applications/index.ts';
import { formatDateTime } from '../shared/format.ts';
import { attr, html } from '../shared/html.ts';
import type { Html } from '../shared/html.ts';
import type { Page, Visit } from '../shared/page.ts';
import { applicationsText } from './messages.ts';

export const VERIFY_DOCUMENT_PATH = '/verify/document';

const isUpload = (v: Verification | UploadVerification): v is UploadVerification => 'match' in v;

const resultOf = (visit: Visit, v: Verification | UploadVerification, catalogue: readonly ServiceDefinition[]): Html => {
  const t = applicationsText(visit).verify;
  const upload = isUpload(v) ? v : null;
  if (v.status === 'unknown') {
    return html`<div class="notice" role="status"><p><strong>${upload ? t.unknownFile : t.unknown}</strong></p>${upload ? html`<p>${t.uploadedSha256}: <code>${upload.uploadedSha256}</code></p>` : ''}</div>`;
  }
  const title = catalogue.find((s) => s.code === v.type)?.title[visit.lang] ?? v.type ?? '';
  const signature = upload
    ? html`<tr><th scope="row">${t.signature}</th><td>${upload.signature.signed && upload.signature.intact && upload.signature.coversWholeFile ? t.signatureValid(upload.signature.signer.commonName) : t.signatureInvalid}</td></tr>
<tr><th scope="row">${t.uploadedSha256}</th><td><code>${upload.uploadedSha256}</code></td></tr>`
    : '';
  return html`${v.developmentSignature ? html`<p class="dev-banner" role="alert"><strong>${t.development}</strong></p>` : ''}
<div class="notice${v.status === 'revoked' ? ' revoked' : ''}" role="status"><p><strong>${v.status === 'valid' ? t.valid : t.revoked}</strong></p>
${upload ? html`<p><strong>${upload.match ? t.match : t.noMatch}</strong></p>` : ''}</div>
<table class="facts"><tbody>
<tr><th scope="row">${t.type}</th><td>${title}</td></tr>
<tr><th scope="row">${t.protocol}</th><td>${v.protocolNumber ?? ''}</td></tr>
<tr><th scope="row">${t.issuedAt}</th><td>${v.issuedAt ? formatDateTime(v.issuedAt) : ''}</td></tr>
<tr><th scope="row">${t.holder}</th><td>${v.holder ?? ''}</td></tr>
${v.status === 'revoked' ? html`<tr><th scope="row">${t.revokedAt}</th><td>${v.revokedAt ? formatDateTime(v.revokedAt) : ''}</td></tr><tr><th scope="row">${t.revocationReason}</th><td>${v.revocationReason ? (t.reasons[v.revocationReason] ?? v.revocationReason) : ''}</td></tr>` : ''}
<tr><th scope="row">${t.sha256}</th><td><code class="digest">${v.sha256 ?? ''}</code></td></tr>
${signature}
${v.logPosition !== null ? html`<tr><th scope="row">${t.ledger}</th><td><a href="${visit.href(`/verify/movement/${v.logPosition}`)}">#${v.logPosition}</a></td></tr>` : ''}
</tbody></table>`;
};

export interface VerifyDocumentView {
  readonly catalogue: readonly ServiceDefinition[];
  /** The session's token when there is a session (its POSTs must carry it); null for a visitor. */
  readonly csrfToken: string | null;
  readonly code?: string;
  readonly result?: Verification | UploadVerification;
  readonly error?: string;
}

export const verifyDocumentPage = (visit: Visit, view: VerifyDocumentView): Page => {
  const t = applicationsText(visit).verify;
  return {
    title: t.title,
    description: t.description,
    section: 'verify',
    crumbs: [],
    status: view.error ? 400 : 200,
    main: html`<h1>${t.title}</h1>
${view.result ? html`<section aria-labelledby="verify-result"><h2 id="verify-result">${t.resultTitle}</h2>${resultOf(visit, view.result, view.catalogue)}<p><a href="${visit.href(VERIFY_DOCUMENT_PATH)}">${t.another}</a></p></section>` : html`<p class="lead">${t.lead}</p>`}
<section aria-labelledby="verify-code"><h2 id="verify-code">${t.codeTitle}</h2>
<form method="get" action="${visit.href(VERIFY_DOCUMENT_PATH)}" class="search-row">
<div class="field"><label for="verify-code-input">${t.code}</label><p class="hint" id="verify-code-hint">${t.codeHint}</p>
<input id="verify-code-input" name="code" type="text" maxlength="40" autocomplete="off" autocapitalize="characters" spellcheck="false" value="${view.code ?? ''}" aria-describedby="verify-code-hint"></div>
<button type="submit" class="button">${t.check}</button></form></section>
<section aria-labelledby="verify-upload"><h2 id="verify-upload">${t.uploadTitle}</h2><p>${t.uploadLead}</p>
<form method="post" action="${visit.href(VERIFY_DOCUMENT_PATH)}" enctype="multipart/form-data">
${view.csrfToken ? html`<input type="hidden" name="_csrf" value="${view.csrfToken}">` : ''}
<div class="field${view.error ? ' field-error' : ''}"><label for="verify-file">${t.file}</label>
${view.error ? html`<p class="error-message" id="verify-file-error">${view.error}</p>` : ''}
<input id="verify-file" name="file" type="file" accept="application/pdf"${attr('aria-describedby', view.error ? 'verify-file-error' : null)}${attr('aria-invalid', view.error ? 'true' : null)}></div>
<button type="submit" class="button">${t.check}</button></form></section>`,
  };
};

