// The ΚΑΕ classification: code → Greek title, as DATA per fiscal year. Up to FY2025 municipalities use
// ΚΥΑ 7028/2004 (shipped: its 2014 expense list, classification/kae-2014.json); from FY2026 the framework
// of π.δ. 54/2018 brings a new list, registered beside it for its own years, never hard-coded.
import type { Kae } from './codes/kae.ts';
import { kaeClasses, parseKae } from './codes/kae.ts';
import type { DomainError } from './errors.ts';
import { sharedErrors } from './sharedErrors.ts';

export interface FiscalYears {
  readonly from: number;
  /** Null: still in force. */
  readonly to: number | null;
}

/** The committed file format (see classification/kae-2014.json). */
export interface ClassificationFile {
  readonly name: string;
  readonly source: string;
  readonly fiscalYears: FiscalYears;
  /** Service (υπηρεσία) → title. */
  readonly services: Readonly<Record<string, string>>;
  /** Normalised code, with or without service, at any level: "00-6", "00-60", "00-6031", "15-6277.01", "0311". */
  readonly codes: Readonly<Record<string, string>>;
}

export interface Classification {
  readonly name: string;
  readonly fiscalYears: FiscalYears;
  /** The most specific title the list has for a code, or null when not even its class is listed. */
  find(kae: string): string | null;
  /** As `find`, falling back to the class title of ΚΥΑ 7028/2004, so a valid code always has a title. */
  titleOf(kae: string): string;
  serviceTitleOf(service: string): string | null;
  /** Title of a 2-digit group (ομάδα) across services, e.g. "60" → «Αμοιβές και έξοδα προσωπικού». */
  groupTitleOf(group: string): string | null;
}

/** The shipped 2014 expense list; read it (`readFile(kae2014Url, 'utf8')`) and give it to parseClassification. */
export const kae2014Url = new URL('./classification/kae-2014.json', import.meta.url);

const classTitleOf = (kae: string): string => kaeClasses[parseKae(kae).klass].el;

// A class, group or subgroup (1-3 digits), or a 4-digit code with an optional sub-code; a service may lead.
const CODE_KEY = /^(?:\d{2}-)?(?:\d{1,3}|\d{4}(?:\.\d{1,4})?)$/;
const SERVICE_KEY = /^\d{2}$/;

const invalid = (reason: string): DomainError => sharedErrors.OD_CLASSIFICATION_INVALID({ reason });

export const parseClassification = (text: string): Classification => {
  const file = jsonOf(text);
  const to = file.fiscalYears?.to ?? null;
  if (typeof file.name !== 'string' || typeof file.fiscalYears?.from !== 'number' || (to !== null && typeof to !== 'number')) {
    throw invalid('name, fiscalYears');
  }
  return classificationOf({
    name: file.name,
    source: typeof file.source === 'string' ? file.source : '',
    fiscalYears: { from: file.fiscalYears.from, to },
    services: titlesOf(file.services ?? {}, SERVICE_KEY),
    codes: titlesOf(file.codes ?? {}, CODE_KEY),
  });
};

const jsonOf = (text: string): Partial<ClassificationFile> => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid('JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw invalid('JSON');
  return parsed;
};

const titlesOf = (titles: Readonly<Record<string, unknown>>, key: RegExp): Record<string, string> => {
  const checked: Record<string, string> = {};
  for (const [code, title] of Object.entries(titles)) {
    if (!key.test(code) || typeof title !== 'string' || title.trim() === '') throw invalid(`«${code}»`);
    checked[code] = title;
  }
  return checked;
};

/** Codes looked up from the most to the least specific: sub-code, code, then 3, 2 and 1 digits. */
const levelsOf = (kae: Kae): string[] => {
  const withSuffix = kae.suffix === null ? [] : [`${kae.code}.${kae.suffix}`];
  return [...withSuffix, kae.code, kae.code.slice(0, 3), kae.group, kae.klass];
};

export const classificationOf = (file: ClassificationFile): Classification => {
  const titles = new Map(Object.entries(file.codes));
  // A code without service borrows the title of the lowest service that lists it (00 before 10): the
  // titles differ between services only where one service has its own wording (50-607, police training).
  for (const [key, title] of Object.entries(file.codes).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const generic = key.replace(/^\d{2}-/, '');
    if (!titles.has(generic)) titles.set(generic, title);
  }
  const find = (raw: string): string | null => {
    const kae = parseKae(raw);
    for (const level of levelsOf(kae)) {
      const title = (kae.service === null ? undefined : titles.get(`${kae.service}-${level}`)) ?? titles.get(level);
      if (title !== undefined) return title;
    }
    return null;
  };
  return {
    name: file.name,
    fiscalYears: file.fiscalYears,
    find,
    titleOf: (raw) => find(raw) ?? classTitleOf(raw),
    serviceTitleOf: (service) => file.services[service] ?? null,
    groupTitleOf: (group) => (/^\d{2}$/.test(group) ? (titles.get(group) ?? null) : null),
  };
};

/** The lists known to the ledger; several may cover one year (an expense list and a revenue list). */
export type ClassificationRegistry = readonly Classification[];

export const registerClassification = (registry: ClassificationRegistry, list: Classification): ClassificationRegistry => [
  ...registry,
  list,
];

const covers = (years: FiscalYears, year: number): boolean => year >= years.from && (years.to === null || year <= years.to);

export const classificationsFor = (registry: ClassificationRegistry, year: number): Classification[] =>
  registry.filter((list) => covers(list.fiscalYears, year));

/** The title of a line in a given year: the first list that knows the code, else its class title. */
export const titleFor = (registry: ClassificationRegistry, year: number, kae: string): string => {
  for (const list of classificationsFor(registry, year)) {
    const title = list.find(kae);
    if (title !== null) return title;
  }
  return classTitleOf(kae);
};
