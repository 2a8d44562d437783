// "Valid enough" HTML for the site's pages, checked without a browser: balanced elements, unique ids,
// references (label for, aria-labelledby, aria-describedby, fragment links) that resolve, one h1, a
// language, and nothing the Content Security Policy would block (inline scripts, styles or handlers).

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** SVG elements written self-closed. */
const SELF_CLOSING = /\/\s*$/;

export interface Tag {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
}

const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

export const tagsOf = (html: string): Tag[] =>
  [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^>]*?)?)\s*\/?>/g)].map((m) => ({
    name: m[1]!.toLowerCase(),
    attributes: new Map([...(m[2] ?? '').matchAll(ATTRIBUTE)].map((a) => [a[1]!.toLowerCase(), a[2] ?? a[3] ?? a[4] ?? ''])),
  }));

const balanceProblems = (html: string): string[] => {
  const stack: string[] = [];
  const problems: string[] = [];
  const body = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<!doctype[^>]*>/i, '');
  for (const m of body.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
    const [, closing, rawName, rest] = m;
    const name = rawName!.toLowerCase();
    if (VOID.has(name) || (!closing && SELF_CLOSING.test(rest!))) continue;
    if (!closing) stack.push(name);
    else if (stack[stack.length - 1] === name) stack.pop();
    else problems.push(`</${name}> closes <${stack[stack.length - 1] ?? 'nothing'}>`);
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(' > ')}`);
  return problems;
};

export const htmlProblems = (html: string): string[] => {
  const problems = balanceProblems(html);
  const tags = tagsOf(html);
  if (!/^<!doctype html>/i.test(html)) problems.push('no doctype');
  if (!/<html lang="(el|en)">/.test(html)) problems.push('no html lang');
  const h1s = tags.filter((t) => t.name === 'h1').length;
  if (h1s !== 1) problems.push(`${h1s} h1 elements`);
  const ids = tags.map((t) => t.attributes.get('id')).filter((id): id is string => id !== undefined);
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) problems.push(`duplicate id ${id}`);
    seen.add(id);
  }
  for (const tag of tags) {
    for (const [name, value] of tag.attributes) {
      if (name.startsWith('on')) problems.push(`inline handler ${name} on <${tag.name}>`);
      if (name === 'style') problems.push(`inline style on <${tag.name}>`);
      if (['for', 'aria-labelledby', 'aria-describedby', 'aria-controls'].includes(name)) {
        for (const ref of value.split(/\s+/)) if (!seen.has(ref)) problems.push(`${name}="${ref}" on <${tag.name}> names no element`);
      }
    }
    if (tag.name === 'a' && tag.attributes.get('href')?.startsWith('#')) {
      const target = tag.attributes.get('href')!.slice(1);
      if (target && !seen.has(target)) problems.push(`link to #${target}, which is not on the page`);
    }
    if (tag.name === 'script' && !tag.attributes.has('src')) problems.push('inline script');
    if (tag.name === 'img' && !tag.attributes.has('alt')) problems.push('img without alt');
  }
  if (/<style[\s>]/i.test(html)) problems.push('inline <style>');
  return problems;
};

/** The text a reader sees: without tags, scripts, code samples and attribute values. */
export const visibleText = (html: string): string =>
  html
    .replace(/<(pre|script|title)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
