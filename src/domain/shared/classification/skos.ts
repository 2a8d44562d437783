// Turns the openbudgets.eu SKOS code list of ΚΑΕ (Turtle) into our classification file. The list names
// each concept by its dotted code under one base (…/kaeota/20.6011) with a Greek skos:prefLabel right after.
import type { ClassificationFile, FiscalYears } from '../classification.ts';

const CONCEPT = /<[^>]*\/kaeota\/([\d.]+)> a skos:Concept ;\s*skos:prefLabel "((?:[^"\\]|\\.)*)"@el/g;
const CONCEPT_COUNT = /> a skos:Concept ;/g;
// Every code starts with its service; the dot after it is optional because the list has one slip
// ("70627", whose broader concept is 70.62 and whose narrower ones are 70.6271…).
const DOTTED = /^(\d{2})(?:\.?(\d{1,4})(?:\.(\d{1,4}))?)?$/;

export interface SkosSource {
  readonly name: string;
  readonly source: string;
  readonly fiscalYears: FiscalYears;
}

/** Dotted SKOS codes become our keys: "20" (a service), "20.60" → "20-60", "15.6277.01" → "15-6277.01". */
const keyOf = (dotted: string): { service: string; code: string | null } => {
  const match = DOTTED.exec(dotted);
  if (!match?.[1]) throw new Error(`Unexpected ΚΑΕ concept "${dotted}"`);
  if (!match[2]) return { service: match[1], code: null };
  return { service: match[1], code: `${match[1]}-${match[2]}${match[3] ? `.${match[3]}` : ''}` };
};

const unescape = (literal: string): string => literal.replace(/\\(.)/g, '$1');
const tidy = (title: string): string => unescape(title).trim().replace(/\s+/g, ' ');

export const convertSkos = (turtle: string, about: SkosSource): ClassificationFile => {
  const services: Record<string, string> = {};
  const codes: Record<string, string> = {};
  const concepts = [...turtle.matchAll(CONCEPT)];
  // Every concept must have been read with its label: a format change must fail here, not lose codes.
  if (concepts.length !== (turtle.match(CONCEPT_COUNT) ?? []).length) throw new Error('A concept without a Greek prefLabel');
  for (const [, dotted = '', label = ''] of concepts) {
    const { service, code } = keyOf(dotted);
    if (code === null) services[service] = tidy(label);
    else codes[code] = tidy(label);
  }
  return { ...about, services, codes };
};

const sortedObject = (entries: Readonly<Record<string, string>>): string =>
  Object.entries(entries)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, title]) => `    ${JSON.stringify(key)}: ${JSON.stringify(title)}`)
    .join(',\n');

/**
 * One code per line, in code order, so a diff of the list reads like a diff of the law. (JSON.stringify
 * would move integer-like keys such as "10" before "00".)
 */
export const formatClassificationFile = (file: ClassificationFile): string =>
  [
    '{',
    `  "name": ${JSON.stringify(file.name)},`,
    `  "source": ${JSON.stringify(file.source)},`,
    `  "fiscalYears": ${JSON.stringify(file.fiscalYears)},`,
    `  "services": {\n${sortedObject(file.services)}\n  },`,
    `  "codes": {\n${sortedObject(file.codes)}\n  }`,
    '}',
    '',
  ].join('\n');
