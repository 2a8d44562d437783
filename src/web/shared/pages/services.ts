// Υπηρεσίες / Services: the citizen services, each brought by a registration (the frame's «My account»
// first, then the contexts' in their order), and the finance pages open to all.
import { html } from '../html.ts';
import type { Page, ServiceEntry, Site, Visit } from '../page.ts';

/** The frame's own service: the account every other one stands on (its pages are the identity context's). */
export const myAccountService: ServiceEntry = {
  path: '/my/',
  label: { el: 'Ο λογαριασμός μου', en: 'My account' },
  summary: {
    el: 'Τι κρατά ο Δήμος για εσάς, τα στοιχεία επικοινωνίας σας και η γλώσσα σας· λήψη των δεδομένων σας ή διαγραφή του λογαριασμού.',
    en: 'What the municipality keeps on you, your contact details and language; download your data or erase the account.',
  },
};

export const servicesPage = async (site: Site, visit: Visit, finances: readonly { path: string; label: string }[]): Promise<Page> => {
  const { t, lang } = visit;
  return {
    title: t.services.title,
    section: 'services',
    crumbs: [],
    description: t.descriptions.services(site.municipality.name[lang]),
    main: html`<h1>${t.services.title}</h1>
<p class="lead">${t.services.lead}</p>
<section aria-labelledby="services-citizens"><h2 id="services-citizens">${t.services.citizenTitle}</h2>
<ul class="service-list">${site.services.map((s) => html`<li><a href="${visit.href(s.path)}">${s.label[lang]}</a><p>${s.summary[lang]}</p></li>`)}</ul>
</section>
<section aria-labelledby="services-finances"><h2 id="services-finances">${t.services.financesTitle}</h2>
<p>${t.services.financesLead}</p>
<ul>${finances.map((f) => html`<li><a href="${visit.href(f.path)}">${f.label}</a></li>`)}</ul>
</section>`,
  };
};
