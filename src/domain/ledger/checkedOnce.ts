// A file of a million rows names a few hundred ΚΑΕ, dates and counterparties: each spelling is checked (and
// normalised) once and the result reused. Refusals are not remembered: they throw every time, as before.
// The checks are pure, so remembering them changes nothing but the time they take.

/** Spellings remembered per check; a file of garbage starts the memory over instead of growing it. */
const SEEN = 4_096;

export const checkedOnce = <T>(check: (raw: string) => T): ((raw: string) => T) => {
  const seen = new Map<string, T>();
  return (raw) => {
    const known = seen.get(raw);
    if (known !== undefined) return known;
    const checked = check(raw);
    if (seen.size >= SEEN) seen.clear();
    seen.set(raw, checked);
    return checked;
  };
};
