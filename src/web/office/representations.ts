// Legal representations in the back office (εκπροσωπήσεις νομικών προσώπων), for staff with the admin role:
// record that a person represents a company, from the evidence the company brings, and revoke it; look up
// the grants concerning an ΑΦΜ, each grant shown recorded in the audit trail. Plain forms, no JavaScript.
import type { RepresentationServices } from '../../api/identity/index.ts';
import type { StaffMember } from '../../api/shared/staff/index.ts';
import { recordLookup } from '../../api/shared/staff/index.ts';
import type { GrantInput } from '../../domain/index.ts';
import type { RepresentationRecord } from '../../projections/identity/index.ts';
import { representationsConcerning } from '../../projections/identity/index.ts';
import type { Html } from '../shared/html.ts';
import { attr, html } from '../shared/html.ts';
import type { Page, Visit } from '../shared/page.ts';

export const REPRESENTATIONS_ROLE = 'admin';

export const mayRecordRepresentations = (member: StaffMember): boolean => member.roles.includes(REPRESENTATIONS_ROLE);

type Field = keyof GrantInput;

const words = {
  el: {
    title: 'Εκπροσωπήσεις νομικών προσώπων',
    lead: 'Το TaxisNet λέει ποιος συνδέεται, όχι ποιον εκπροσωπεί. Καταχωρίστε εδώ τον νόμιμο εκπρόσωπο μιας εταιρείας, από τα έγγραφα που προσκόμισε (καταστατικό, ΓΕΜΗ, πληρεξούσιο)· τότε μπορεί να ενεργεί για λογαριασμό της στις υπηρεσίες του Δήμου.',
    grant: 'Νέα εκπροσώπηση',
    fields: {
      companyTaxid: 'ΑΦΜ εταιρείας',
      companyName: 'Επωνυμία εταιρείας',
      representativeTaxid: 'ΑΦΜ εκπροσώπου (φυσικό πρόσωπο)',
      basis: 'Βάση εκπροσώπησης',
      evidence: 'Αποδεικτικό (αριθμός ΓΕΜΗ, πράξη, ημερομηνία)',
      validFrom: 'Ισχύει από',
      validUntil: 'Ισχύει έως (κενό: έως την ανάκληση)',
    } satisfies Record<Field, string>,
    basisHint: 'π.χ. «καταστατικό / ΓΕΜΗ», «απόφαση ΓΣ / ΓΕΜΗ», «πληρεξούσιο»',
    save: 'Καταχώριση',
    search: 'Εκπροσωπήσεις ενός ΑΦΜ',
    searchLabel: 'ΑΦΜ εταιρείας ή εκπροσώπου',
    searchButton: 'Αναζήτηση',
    none: 'Καμία εκπροσώπηση για αυτόν τον ΑΦΜ.',
    columns: ['Εταιρεία', 'Εκπρόσωπος', 'Βάση και αποδεικτικό', 'Ισχύς', 'Καταχώριση', 'Κατάσταση'],
    untilRevoked: 'έως την ανάκληση',
    revoked: 'ανακλήθηκε',
    active: 'σε ισχύ',
    revoke: 'Ανάκληση',
    granted: 'Η εκπροσώπηση καταχωρίστηκε.',
    revokedDone: 'Η εκπροσώπηση ανακλήθηκε· όσες συνεδρίες ενεργούσαν με αυτήν έκλεισαν.',
    noAccount: 'χωρίς λογαριασμό ακόμη',
    office: 'Γραφείο',
  },
  en: {
    title: 'Legal representatives of companies',
    lead: 'TaxisNet says who logs in, not whom they represent. Record here the legal representative of a company, from the documents it brought (articles, business registry ΓΕΜΗ, power of attorney); they may then act for it in the Municipality’s services.',
    grant: 'New representation',
    fields: {
      companyTaxid: 'Company tax number (ΑΦΜ)',
      companyName: 'Company name',
      representativeTaxid: 'Representative’s tax number (a natural person)',
      basis: 'Basis of the representation',
      evidence: 'Evidence (ΓΕΜΗ number, deed, date)',
      validFrom: 'Valid from',
      validUntil: 'Valid until (empty: until revoked)',
    } satisfies Record<Field, string>,
    basisHint: 'e.g. «καταστατικό / ΓΕΜΗ» (articles / registry), «απόφαση ΓΣ / ΓΕΜΗ» (general meeting), «πληρεξούσιο» (power of attorney)',
    save: 'Record',
    search: 'Representations of a tax number',
    searchLabel: 'Tax number of the company or the representative',
    searchButton: 'Search',
    none: 'No representation for this tax number.',
    columns: ['Company', 'Representative', 'Basis and evidence', 'Valid', 'Recorded', 'State'],
    untilRevoked: 'until revoked',
    revoked: 'revoked',
    active: 'in force',
    revoke: 'Revoke',
    granted: 'The representation was recorded.',
    revokedDone: 'The representation was revoked; the sessions acting under it were closed.',
    noAccount: 'no account yet',
    office: 'Office',
  },
};

export interface RepresentationsView {
  readonly csrfToken: string;
  readonly today: string;
  /** The ΑΦΜ looked up, and what was found (null: no look-up). */
  readonly taxid: string;
  readonly found: readonly RepresentationRecord[] | null;
  readonly done?: 'granted' | 'revoked';
  /** A refused form: the field it concerns (if one), the message, and what was typed. */
  readonly error?: { readonly field: Field | null; readonly message: string; readonly input: Partial<GrantInput> };
}

const csrf = (token: string): Html => html`<input type="hidden" name="_csrf" value="${token}">`;

const grantForm = (visit: Visit, view: RepresentationsView): Html => {
  const t = words[visit.lang];
  const typed = view.error?.input ?? {};
  const input = (name: Field, type: string, extra: Html | string = '', hint: string | null = null): Html => {
    const wrong = view.error?.field === name;
    const described = [hint ? `${name}-hint` : '', wrong ? `${name}-error` : ''].filter((s) => s !== '').join(' ') || null;
    const fallback = name === 'validFrom' ? view.today : '';
    return html`<div class="field${wrong ? ' field-error' : ''}"><label for="${name}">${t.fields[name]}</label>${hint ? html`<p class="hint" id="${name}-hint">${hint}</p>` : ''}${
      wrong ? html`<p class="error" id="${name}-error">${view.error?.message ?? ''}</p>` : ''
    }<input type="${type}" id="${name}" name="${name}" value="${typed[name] ?? fallback}"${extra}${attr('aria-describedby', described)}${attr('aria-invalid', wrong && 'true')}></div>`;
  };
  const digits = html` inputmode="numeric" maxlength="12" autocomplete="off"`;
  return html`<section aria-labelledby="grant"><h2 id="grant">${t.grant}</h2>
<form method="post" action="${visit.href('/office/representations')}" novalidate>${csrf(view.csrfToken)}
${input('companyTaxid', 'text', digits)}${input('companyName', 'text', html` maxlength="200"`)}${input('representativeTaxid', 'text', digits)}
${input('basis', 'text', html` maxlength="200" list="bases"`, t.basisHint)}<datalist id="bases"><option value="καταστατικό / ΓΕΜΗ"><option value="απόφαση ΓΣ / ΓΕΜΗ"><option value="πρακτικό ΔΣ / ΓΕΜΗ"><option value="πληρεξούσιο"></datalist>
${input('evidence', 'text', html` maxlength="300"`)}${input('validFrom', 'date')}${input('validUntil', 'date')}
<div class="form-actions"><button class="button" type="submit">${t.save}</button></div></form></section>`;
};

const foundTable = (visit: Visit, view: RepresentationsView, found: readonly RepresentationRecord[]): Html => {
  const t = words[visit.lang];
  if (found.length === 0) return html`<p>${t.none}</p>`;
  const row = (r: RepresentationRecord) => {
    const ended = r.revokedAt !== null || (r.validUntil !== null && r.validUntil < view.today);
    const state = r.revokedAt !== null ? `${t.revoked} ${r.revokedAt.slice(0, 10)} (${r.revokedBy ?? ''})` : ended ? '—' : t.active;
    const revokeForm =
      r.revokedAt === null
        ? html`<form method="post" action="${visit.href('/office/representations/revoke')}">${csrf(view.csrfToken)}<input type="hidden" name="representation" value="${r.representationId}"><input type="hidden" name="taxid" value="${view.taxid}"><button class="button secondary" type="submit">${t.revoke}<span class="visually-hidden">: ${r.companyName}, ${r.representativeTaxid}</span></button></form>`
        : '';
    return html`<tr><td>${r.companyName}<br>${r.companyTaxid}</td><td>${r.representativeName ?? t.noAccount}<br>${r.representativeTaxid}</td><td>${r.basis}<br>${r.evidence}</td>
<td>${r.validFrom} – ${r.validUntil ?? t.untilRevoked}</td><td>${r.grantedAt.slice(0, 10)} (${r.grantedBy})</td><td>${state}${revokeForm}</td></tr>`;
  };
  return html`<table><thead><tr>${t.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead><tbody>${found.map(row)}</tbody></table>`;
};

export const representationsPage = (visit: Visit, view: RepresentationsView, status = 200): Page => {
  const t = words[visit.lang];
  const done = view.done === 'granted' ? t.granted : view.done === 'revoked' ? t.revokedDone : null;
  return {
    title: t.title,
    section: null,
    crumbs: [{ label: t.office, path: '/office/' }],
    status,
    main: html`<h1>${t.title}</h1><p class="lead">${t.lead}</p>
${done ? html`<p class="notice" role="status">${done}</p>` : ''}${view.error ? html`<p class="error" role="alert">${view.error.message}</p>` : ''}
${grantForm(visit, view)}
<section aria-labelledby="search"><h2 id="search">${t.search}</h2>
<form method="get" action="${visit.href('/office/representations')}" role="search"><div class="field"><label for="taxid">${t.searchLabel}</label>
<input type="search" id="taxid" name="taxid" inputmode="numeric" maxlength="12" value="${view.taxid}"></div><div class="form-actions"><button class="button" type="submit">${t.searchButton}</button></div></form>
${view.found === null ? '' : foundTable(visit, view, view.found)}</section>`,
  };
};

/** The grants concerning an ΑΦΜ; each one shown is recorded as a look-up of the company's data and the representative's. */
export const lookUpRepresentations = async (services: RepresentationServices, member: StaffMember, taxid: string): Promise<readonly RepresentationRecord[] | null> => {
  const digits = taxid.replace(/\s/g, '');
  if (!/^\d{9}$/.test(digits)) return null;
  const found = await representationsConcerning(services.client, services.schema, digits);
  for (const r of found) {
    for (const subject of [r.companySubjectId, r.representativeSubjectId]) await recordLookup(services.client, services.schema, { staffId: member.staffId, subject, what: 'representations' });
  }
  return found;
};
