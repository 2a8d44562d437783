// What the shipped list is, and for which fiscal years it holds.
import type { SkosSource } from './skos.ts';

export const kae2014Source: SkosSource = {
  name: 'ΚΑΕ εξόδων ΟΤΑ α΄ βαθμού (ΚΥΑ 7028/2004, ΦΕΚ 253 Β΄), κωδικοποίηση 2014',
  source: 'openbudgets/Code-lists, OpenRefine/kae-ota/KAE_OTA_2014.ttl, 98e5bf0c3aae29a8347e20d537c8370f844d28c6',
  // The 2014 consolidation of ΚΥΑ 7028/2004, which governs budgets up to FY2025 (π.δ. 54/2018 from FY2026).
  fiscalYears: { from: 2014, to: 2025 },
};
