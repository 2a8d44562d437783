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
  // A placeholder: the municipality has not yet told us its DPO's address and must confirm (or replace) it.
  dataProtectionOfficer: { email: 'dpo@lixouri.gov.gr' },
};
