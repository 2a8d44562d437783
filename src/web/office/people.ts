// People search (αναζήτηση προσώπων) for staff whose work needs it: admins, the revenue office, the
// departments' clerks. Every search that shows someone is itself recorded, one audit entry per person shown
// (who looked at whom, when), before the page is sent.
import type { StaffMember } from '../../api/shared/staff/index.ts';
import { recordLookup } from '../../api/shared/staff/index.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import type { CitizenRecord } from '../../projections/identity/index.ts';
import { searchCitizens } from '../../projections/identity/index.ts';
import { html } from '../shared/html.ts';
import type { Page, Visit } from '../shared/page.ts';

export const maySearchPeople = (member: StaffMember): boolean =>
  member.roles.some((role) => role === 'admin' || role === 'revenue' || role.startsWith('clerk:'));

const words = {
  el: {
    title: 'Αναζήτηση προσώπων',
    lead: 'Με ΑΦΜ (9 ψηφία) ή με το επώνυμο. Κάθε αναζήτηση που δείχνει πρόσωπα καταγράφεται στο ημερολόγιο ελέγχου.',
    label: 'ΑΦΜ ή επώνυμο',
    search: 'Αναζήτηση',
    none: 'Δεν βρέθηκε κανείς.',
    columns: ['ΑΦΜ', 'Επώνυμο / Επωνυμία', 'Όνομα', 'Πατρώνυμο', 'E-mail (επιβεβαιωμένο)', 'Νέο e-mail, αναμένει επιβεβαίωση', 'Τηλέφωνο', 'Τελευταία σύνδεση'],
    linkUntil: 'σύνδεσμος έως',
    linkExpired: 'ο σύνδεσμος έληξε',
  },
  en: {
    title: 'People search',
    lead: 'By tax number (9 digits) or by surname. Every search that shows people is recorded in the audit trail.',
    label: 'Tax number or surname',
    search: 'Search',
    none: 'Nobody was found.',
    columns: ['Tax number', 'Surname / Company', 'First name', "Father's name", 'E-mail (confirmed)', 'New e-mail, awaiting confirmation', 'Phone', 'Last login'],
    linkUntil: 'link until',
    linkExpired: 'the link has expired',
  },
};

export const searchPeople = async (db: SqlExecutor, schema: string, member: StaffMember, query: string): Promise<readonly CitizenRecord[]> => {
  const found = await searchCitizens(db, schema, query);
  for (const person of found) await recordLookup(db, schema, { staffId: member.staffId, subject: person.subjectId, what: 'people search' });
  return found;
};

export const peoplePage = (visit: Visit, query: string, found: readonly CitizenRecord[] | null, now: Date = new Date()): Page => {
  const t = words[visit.lang];
  const pending = (p: CitizenRecord) =>
    p.pendingEmail === null
      ? '—'
      : `${p.pendingEmail.address} (${Date.parse(p.pendingEmail.expiresAt) > now.getTime() ? `${t.linkUntil} ${p.pendingEmail.expiresAt.replace('T', ' ').slice(0, 16)} UTC` : t.linkExpired})`;
  return {
    title: t.title,
    section: null,
    crumbs: [{ label: visit.lang === 'el' ? 'Γραφείο' : 'Office', path: '/office/' }],
    main: html`<h1>${t.title}</h1><p class="lead">${t.lead}</p>
<form method="get" action="${visit.href('/office/people')}" role="search"><div class="field"><label for="q">${t.label}</label>
<input type="search" id="q" name="q" maxlength="100" value="${query}"></div><div class="form-actions"><button class="button" type="submit">${t.search}</button></div></form>
${
  found === null
    ? ''
    : found.length === 0
      ? html`<p>${t.none}</p>`
      : html`<table><thead><tr>${t.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead><tbody>
${found.map((p) => html`<tr><td>${p.taxid}</td><td>${p.lastName}</td><td>${p.firstName}</td><td>${p.fatherName}</td><td>${p.email ?? '—'}</td><td>${pending(p)}</td><td>${p.phone ?? '—'}</td><td>${p.lastLoginAt ?? '—'}</td></tr>`)}
</tbody></table>`
}`,
  };
};
