// Who publishes the site: the municipality's name and the contacts the accessibility statement and the
// footer give. An installation for another municipality passes its own to the web plugin.

export interface Municipality {
  readonly name: { readonly el: string; readonly en: string };
  /** Where feedback on the site (and on its accessibility) goes. */
  readonly contact: {
    readonly email: string;
    readonly phone: string | null;
    readonly address: { readonly el: string; readonly en: string };
  };
  /** The regional unit (νομός) its documents name under «ΕΛΛΗΝΙΚΗ ΔΗΜΟΚΡΑΤΙΑ», in capitals as they print it. */
  readonly prefecture?: { readonly el: string; readonly en: string };
  /** The town a document is dated at: «Ληξούρι, 7 Δεκεμβρίου 2026». */
  readonly seat?: { readonly el: string; readonly en: string };
  /** Its departments' names by slug (the catalogue's `department`), for the documents they issue. */
  readonly departments?: Readonly<Record<string, { readonly el: string; readonly en: string }>>;
  /** The data protection officer (Υπεύθυνος Προστασίας Δεδομένων, ΥΠΔ; GDPR Art. 37-39): in the footer and the privacy notice. */
  readonly dataProtectionOfficer: { readonly email: string };
}

export const lixouri: Municipality = {
  name: { el: 'Δήμος Ληξουρίου', en: 'Municipality of Lixouri' },
  contact: {
    email: 'info@lixouri.gov.gr',
    phone: null,
    address: { el: 'Δημαρχείο Ληξουρίου, 282 00 Ληξούρι, Κεφαλονιά', en: 'Lixouri Town Hall, 282 00 Lixouri, Kefalonia, Greece' },
  },
  prefecture: { el: 'ΝΟΜΟΣ ΚΕΦΑΛΛΗΝΙΑΣ', en: 'PREFECTURE OF KEFALLINIA' },
  seat: { el: 'Ληξούρι', en: 'Lixouri' },
  departments: {
    revenue: { el: 'Τμήμα Εσόδων', en: 'Revenue Department' },
    'technical-services': { el: 'Τεχνική Υπηρεσία', en: 'Technical Services' },
    water: { el: 'Υπηρεσία Ύδρευσης', en: 'Water Department' },
  },
  // A placeholder: the municipality has not yet told us its DPO's address and must confirm (or replace) it.
  dataProtectionOfficer: { email: 'dpo@lixouri.gov.gr' },
};
