// The house's boundaries, checked on every import, `export … from` and literal dynamic import under src/:
// - src/domain imports nothing outside src/domain but decimal.js (no database, no HTTP, no node:*);
// - a context's folder (src/<layer>/<context>/) is reached from outside it only through its index.ts,
//   and so is the domain as a whole (src/domain/index.ts) from the other layers;
// - an integration (src/integrations/<system>/) is imported only by the composition root (src/cli,
//   src/contexts.ts) and by the folders named as the owners of its port.
import { dirname, join, relative, resolve, sep } from 'node:path';

/** Layers whose subfolders are contexts (all but `shared`), unless the options name others. */
const CONTEXT_LAYERS = ['domain', 'projections', 'api', 'web'];
const DOMAIN_PACKAGES = new Set(['decimal.js']);

/** @param {string} srcDir @param {string} path @returns {string[] | null} */
const partsOf = (srcDir, path) => {
  const rel = relative(srcDir, path);
  return rel.startsWith('..') ? null : rel.split(sep);
};

/**
 * The context folder a path is in (`src/web/ledger`), or null.
 * @param {string} srcDir @param {readonly string[]} layers @param {string} path @returns {string | null}
 */
const contextFolderOf = (srcDir, layers, path) => {
  const parts = partsOf(srcDir, path);
  if (!parts || parts.length < 3 || !layers.includes(parts[0]) || parts[1] === 'shared') return null;
  return join(srcDir, parts[0], parts[1]);
};

/** @param {string} folder @param {string} path */
const inside = (folder, path) => path === folder || path.startsWith(folder + sep);

/**
 * @typedef {{ root?: string, contextLayers?: string[], integrationOwners?: Record<string, string[]> }} Options
 * @param {readonly unknown[]} list @returns {Options}
 */
const optionsOf = (list) => /** @type {Options} */ (list[0] ?? {});

/** @type {import('eslint').Rule.RuleModule} */
export const boundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps the domain pure, contexts behind their index and integrations behind their owners' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          contextLayers: { type: 'array', items: { type: 'string' } },
          integrationOwners: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      domainImport: 'src/domain imports nothing outside src/domain but decimal.js; «{{source}}» is outside.',
      contextInternals: '«{{source}}» is inside the context {{context}}: import its index.ts instead.',
      domainInternals: 'Other layers import the domain through src/domain/index.ts (or a context index), not «{{source}}».',
      integration: '«{{source}}» is the integration {{system}}: only the composition root (src/cli, src/contexts.ts) and the owners of its port import it.',
    },
  },
  create(context) {
    const options = optionsOf(context.options);
    const root = options.root ?? context.cwd;
    const srcDir = join(root, 'src');
    const file = context.filename;
    const fileParts = partsOf(srcDir, file);
    if (!fileParts) return {};
    const domainDir = join(srcDir, 'domain');
    const fileInDomain = inside(domainDir, file);
    const owners = options.integrationOwners ?? {};
    const layers = options.contextLayers ?? CONTEXT_LAYERS;

    /** @param {import('estree').Node} node @param {unknown} source */
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      if (!source.startsWith('.')) {
        if (fileInDomain && !DOMAIN_PACKAGES.has(source)) context.report({ node, messageId: 'domainImport', data: { source } });
        return;
      }
      const target = resolve(dirname(file), source);
      if (fileInDomain && !inside(domainDir, target)) {
        context.report({ node, messageId: 'domainImport', data: { source } });
        return;
      }
      const targetParts = partsOf(srcDir, target);
      if (!targetParts) return;
      const folder = contextFolderOf(srcDir, layers, target);
      if (folder && !inside(folder, file) && target !== join(folder, 'index.ts')) {
        context.report({ node, messageId: 'contextInternals', data: { source, context: relative(root, folder) } });
        return;
      }
      if (!fileInDomain && inside(domainDir, target) && !target.endsWith(`${sep}index.ts`)) {
        context.report({ node, messageId: 'domainInternals', data: { source } });
        return;
      }
      if (targetParts[0] === 'integrations' && targetParts.length > 2) {
        const system = targetParts[1] ?? '';
        const allowed = [join(srcDir, 'integrations', system), join(srcDir, 'cli'), ...(owners[system] ?? []).map((/** @type {string} */ p) => join(root, p))];
        if (file !== join(srcDir, 'contexts.ts') && !allowed.some((a) => inside(a, file))) {
          context.report({ node, messageId: 'integration', data: { source, system } });
        }
      }
    };
    /** @param {import('estree').Expression} node */
    const literal = (node) => (node && node.type === 'Literal' ? node.value : null);
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => check(node, literal(node.source)),
    };
  },
};

export const boundariesPlugin = { rules: { boundaries } };
