// The request types of config/requests.yaml (issue 18 item 6): Lixouri's own load and pass; a broken entry
// is refused with its path, in Greek and English.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { loadRequestTypes } from '../../../src/api/requests/catalogue.ts';
import { CatalogueError, validateRequestTypes } from '../../../src/domain/index.ts';

const test = suite('requests: the catalogue of request types');

test("Lixouri's request types load: pothole, lights, bins, bulky items, water, strays, trees, benches, playgrounds", () => {
  const types = loadRequestTypes();
  assert.equal(types.map((t) => t.code), ['pothole', 'streetlight', 'overflowing-bins', 'bulky-items', 'water-leak', 'stray-animals', 'fallen-tree', 'pruning', 'damaged-bench', 'playground']);
  for (const t of types) assert.is(t.metadata, t.attributes.length > 0, t.code);
  assert.is(types[0]!.name.el, 'Λακκούβα στον δρόμο');
});

const refusal = (raw: unknown): CatalogueError => {
  try {
    validateRequestTypes(raw, 'requests.yaml');
  } catch (error) {
    if (error instanceof CatalogueError) return error;
    throw error;
  }
  return assert.unreachable('the entry was accepted') as never;
};

const good = () => ({
  service_code: 'pothole',
  service_name: { el: 'Λακκούβα', en: 'Pothole' },
  description: { el: 'Λακκούβα', en: 'Pothole' },
  group: { el: 'Οδοποιία', en: 'Roads' },
  type: 'realtime',
  metadata: false,
  agency: { el: 'Τεχνικές Υπηρεσίες', en: 'Technical Services' },
  department: 'technical-services',
});

test('a wrong entry names its path: type, metadata without attributes, a list without values, two codes', () => {
  assert.is(refusal({ services: [{ ...good(), type: 'instant' }] }).field, 'services[0].type');
  assert.is(refusal({ services: [{ ...good(), metadata: true }] }).field, 'services[0].metadata');
  assert.is(refusal({ services: [{ ...good(), metadata: true, attributes: [{ code: 'size', datatype: 'singlevaluelist', required: true, order: 1, description: { el: 'α', en: 'a' } }] }] }).field, 'services[0].attributes[0].values');
  assert.is(refusal({ services: [good(), good()] }).field, 'services[1].service_code');
  assert.is(refusal({ services: [{ ...good(), service_name: { el: 'Λακκούβα' } }] }).field, 'services[0].service_name.en');
  assert.match(refusal({ services: [] }).message, /request types/);
});

test.run();
