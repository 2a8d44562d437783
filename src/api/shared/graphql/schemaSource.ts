// Where the GraphQL contract lives: schema.graphql at the root of the repository.
export const schemaUrl = new URL('../../../../schema.graphql', import.meta.url);
