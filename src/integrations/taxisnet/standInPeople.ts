// The stand-in's fixture citizens and one company: invented people with test ΑΦΜ whose check digits are
// valid, names in Greek capitals as TaxisNet gives them. One name carries markup and quotes, so tests can
// check that every page downstream escapes what TaxisNet says.
import type { TaxisNetUser } from './types.ts';

export interface StandInPerson extends TaxisNetUser {
  /** What this fixture is for, on the stand-in's page. */
  readonly about: { readonly el: string; readonly en: string };
  /** Attributes the stand-in's userinfo leaves out, as GSIS sometimes does. */
  readonly missing: readonly ('fathername' | 'mothername' | 'birthyear')[];
}

export const standInPeople: readonly StandInPerson[] = [
  {
    userId: 'gpapadatos', taxid: '012481630', lastName: 'ΠΑΠΑΔΑΤΟΣ', firstName: 'ΓΕΩΡΓΙΟΣ', fatherName: 'ΔΙΟΝΥΣΙΟΣ', motherName: 'ΜΑΡΙΑ',
    birthYear: 1968, kind: 'person', missing: [], about: { el: 'Πολίτης', en: 'Citizen' },
  },
  {
    userId: 'ekosmetatou', taxid: '047312951', lastName: 'ΚΟΣΜΕΤΑΤΟΥ', firstName: 'ΕΛΕΝΗ', fatherName: 'ΣΠΥΡΙΔΩΝ', motherName: 'ΑΙΚΑΤΕΡΙΝΗ',
    birthYear: 1985, kind: 'person', missing: [], about: { el: 'Πολίτισσα', en: 'Citizen' },
  },
  {
    userId: 'ametaxas', taxid: '051296746', lastName: 'ΜΕΤΑΞΑΣ', firstName: 'ΑΝΔΡΕΑΣ', fatherName: 'ΓΕΡΑΣΙΜΟΣ', motherName: '',
    birthYear: null, kind: 'person', missing: ['mothername', 'birthyear'],
    about: { el: 'Πολίτης χωρίς μητρώνυμο και έτος γέννησης στην απάντηση', en: "Citizen whose answer lacks the mother's name and birth year" },
  },
  {
    userId: 'atzannetatou', taxid: '077632109', lastName: 'ΤΖΑΝΝΕΤΑΤΟΥ <script>alert("XSS")</script>', firstName: 'ΑΓΓΕΛΙΚΗ & ΜΑΡΙΑ',
    fatherName: "ΝΙΚΟΛΑΟΣ 'ΝΙΚΟΣ'", motherName: 'ΕΥΑΝΘΙΑ', birthYear: 1999, kind: 'person', missing: [],
    about: { el: 'Όνομα με <script>, & και εισαγωγικά, για τον έλεγχο διαφυγής', en: 'A name with <script>, & and quotes, to check escaping' },
  },
  {
    userId: 'alieftiki', taxid: '801234560', lastName: 'ΑΛΙΕΥΤΙΚΗ ΛΗΞΟΥΡΙΟΥ Ι.Κ.Ε.', firstName: '', fatherName: '', motherName: '',
    birthYear: null, kind: 'company', missing: [], about: { el: 'Νομικό πρόσωπο (εταιρεία)', en: 'Legal entity (company)' },
  },
];

/** The name as a page shows it: first name then surname; a company's name alone. */
export const displayName = (person: TaxisNetUser): string => [person.firstName, person.lastName].filter((part) => part !== '').join(' ');
