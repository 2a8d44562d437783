// What the debts tests share: the stand-in's fixture people, this year and the last in Athens, CSV rows as
// the revenue department's export writes them, and waiting (by position, not by time) for the projections.
import type { CitizenSite } from '../identity/citizenSite.ts';

/** The stand-in's fixture people (src/integrations/taxisnet/standInPeople.ts). */
export const A = '012481630';
export const B = '047312951';
export const C = '051296746';
export const D = '077632109';

export const YEAR = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Athens', year: 'numeric' }).format(new Date()));
export const LAST = YEAR - 1;

export const csv = (...lines: string[]): string => `${lines.join('\r\n')}\r\n`;

/** The debt roll's header, Greek, as the revenue department's system writes it. */
export const ROLL_HEADER = 'ΑΦΜ;ονοματεπώνυμο;αριθμός_βεβαίωσης;έτος;ΚΑΕ;αιτία;ποσό;ημερομηνία_βεβαίωσης;λήξη;δόσεις;προσαυξήσεις;είδος_οφειλέτη';

/** Waits (by position, not by time) until the site's projections have applied everything in the log. */
export const caughtUp = async (site: CitizenSite): Promise<void> => {
  const head = await site.store.headPosition();
  while (site.runner.position() < head) await new Promise((resolve) => setTimeout(resolve, 10));
};
