import {
  ASTNode,
  FragmentDefinitionNode,
  GraphQLError,
  Kind,
  ValidationContext,
  ValidationRule,
} from 'graphql';

/**
 * Refuses queries nested deeper than `maxDepth` fields, before any resolver runs: a cheap
 * guard against a query that walks thread → author → threads → … to exhaust the server.
 */
export function depthLimit(maxDepth: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const depthOf = (node: ASTNode, depth: number, seen: Set<string>): number => {
      if (node.kind === Kind.FIELD) {
        if (!node.selectionSet) return depth;
        return Math.max(depth, ...node.selectionSet.selections.map((s) => depthOf(s, depth + 1, seen)));
      }
      if (node.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(node.name.value);
        if (!fragment || seen.has(node.name.value)) return depth;
        return depthOf(fragment, depth, new Set([...seen, node.name.value]));
      }
      if ('selectionSet' in node && node.selectionSet) {
        return Math.max(depth, ...node.selectionSet.selections.map((s) => depthOf(s, depth, seen)));
      }
      return depth;
    };
    return {
      OperationDefinition(operation) {
        // Top-level fields are at depth 1.
        const depth = depthOf(operation, 1, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(
              `This query is nested ${depth} levels deep; the limit is ${maxDepth}. Ask for less at once.`,
              {
                nodes: [operation],
                extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
              },
            ),
          );
        }
      },
    };
  };
}
