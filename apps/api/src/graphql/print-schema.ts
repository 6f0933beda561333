import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';

/** The schema exactly as committed in apps/api/schema.gql: sorted, so that diffs stay readable. */
export function schemaText(host: GraphQLSchemaHost): string {
  return printSchema(lexicographicSortSchema(host.schema)) + '\n';
}
