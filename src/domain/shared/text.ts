// Free text from a row: surrounding spaces trimmed, an empty cell is no value.
export const blankToNull = (text: string | null): string | null => (text === null || text.trim() === '' ? null : text.trim());
