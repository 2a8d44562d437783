// The Decimal scalar: money as an exact string with two decimals; a float can neither leave nor enter.
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DECIMAL = /^-?\d{1,14}\.\d{2}$/;

const checked = (value: unknown): string => {
  if (typeof value === 'string' && DECIMAL.test(value)) return value;
  throw new GraphQLError(`Μη έγκυρο ποσό / Invalid Decimal: ${JSON.stringify(value)} (a string like "1234.50")`);
};

export const decimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description: 'Exact amount in euros as a string with two decimals, e.g. "1234.50".',
  serialize: checked,
  parseValue: checked,
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? checked(ast.value) : checked(null)),
});
