// The ΚΑΕ lists the import titles budget rows from when a row has no title: the domain's shipped 2014
// expense list (fiscal years 2014-2025), read once per process.
import { readFile } from 'node:fs/promises';
import type { ClassificationRegistry } from '../domain/index.ts';
import { kae2014Url, parseClassification, registerClassification } from '../domain/index.ts';

let shipped: Promise<ClassificationRegistry> | null = null;

export const shippedClassifications = (): Promise<ClassificationRegistry> =>
  (shipped ??= readFile(kae2014Url, 'utf8').then((text) => registerClassification([], parseClassification(text))));
