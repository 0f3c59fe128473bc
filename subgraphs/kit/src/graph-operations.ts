import { readFileSync } from 'node:fs';
import { Kind, parse, print, visit, type DefinitionNode, type FragmentDefinitionNode } from 'graphql';

/**
 * The named operations of a `.graphql` file, each as the exact text a client sends: the operation and the
 * fragments it uses, printed by graphql-js. The gateway's registry of trusted documents holds the same text
 * (`npm run trusted-documents` builds it with this function), so its sha256 is the operation's id.
 */
export function operationsFromFile(path: string | URL): ReadonlyMap<string, string> {
  const document = parse(readFileSync(path, 'utf8'));
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const operations = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const name = definition.name?.value;
    if (!name) throw new Error(`${String(path)}: every operation needs a name`);
    if (operations.has(name)) throw new Error(`${String(path)}: operation ${name} is defined twice`);
    const used = usedFragments(definition, fragments);
    operations.set(name, print({ kind: Kind.DOCUMENT, definitions: [definition, ...used] }));
  }
  return operations;
}

function usedFragments(
  root: DefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): FragmentDefinitionNode[] {
  const found = new Map<string, FragmentDefinitionNode>();
  const pending: DefinitionNode[] = [root];
  while (pending.length > 0) {
    visit(pending.pop()!, {
      FragmentSpread(node) {
        const fragment = fragments.get(node.name.value);
        if (fragment && !found.has(node.name.value)) {
          found.set(node.name.value, fragment);
          pending.push(fragment);
        }
      },
    });
  }
  return [...found.values()];
}
