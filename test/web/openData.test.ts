// The copy-paste examples of the open-data page are valid against schema.graphql, so a reader who pastes
// one gets data, not an error.
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildSchema, parse, validate } from 'graphql';
import { graphqlExamples } from '../../src/web/shared/pages/openDataExamples.ts';

const openData = suite('open data & API page');

openData('every GraphQL example validates against schema.graphql', () => {
  const schema = buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
  const examples = graphqlExamples(2025);
  assert.equal(
    examples.map((e) => e.id),
    ['budget', 'budget-line', 'transactions', 'suppliers', 'assets', 'imports', 'subscription'],
  );
  for (const example of examples) assert.equal(validate(schema, parse(example.query)).map((e) => e.message), [], example.id);
});

openData.run();
