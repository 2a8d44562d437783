// HTML from template literals. Every interpolated value is escaped unless it is already Html, so a
// supplier's name or a movement's description can never become markup.

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlPart = Html | string | number | null | undefined | false | readonly HtmlPart[];

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const render = (part: HtmlPart): string => {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return (part as readonly HtmlPart[]).map(render).join('');
  return escapeHtml(String(part));
};

export const html = (strings: TemplateStringsArray, ...parts: readonly HtmlPart[]): Html => {
  let out = strings[0] ?? '';
  parts.forEach((part, i) => {
    out += render(part) + (strings[i + 1] ?? '');
  });
  return new Html(out);
};

/** Joins parts with a separator (itself escaped unless Html). */
export const join = (parts: readonly HtmlPart[], separator: HtmlPart): Html =>
  new Html(parts.map(render).filter((p) => p !== '').join(render(separator)));

/** Attribute values that are present or absent: `attr('aria-current', active && 'page')`. */
export const attr = (name: string, value: string | number | false | null | undefined): Html =>
  value === false || value === null || value === undefined ? new Html('') : html` ${new Html(name)}="${value}"`;
