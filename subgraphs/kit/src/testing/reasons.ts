import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse } from 'graphql';

export interface EnumValue {
  readonly name: string;
  readonly description: string | undefined;
}

/** The values of one enum of an SDL file, with their descriptions; throws if the file defines no such enum. */
export function enumValuesOf(schemaFile: URL, enumName: string): EnumValue[] {
  const document = parse(readFileSync(schemaFile, 'utf8'));
  const definition = document.definitions.find(
    (node) => node.kind === Kind.ENUM_TYPE_DEFINITION && node.name.value === enumName,
  );
  if (!definition || definition.kind !== Kind.ENUM_TYPE_DEFINITION)
    throw new Error(`${fileURLToPath(schemaFile)} defines no enum ${enumName}`);
  return (definition.values ?? []).map((value) => ({ name: value.name.value, description: value.description?.value }));
}

/** The TypeScript sources under a folder, path and text. */
function sources(folder: URL): { path: string; text: string }[] {
  const root = fileURLToPath(folder);
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.ts'))
    .map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));
}

/**
 * Which of the reasons appear as a string literal in the sources under a folder, apart from the file that
 * lists them: a reason nobody writes is one the code cannot emit.
 */
export function reasonsWrittenIn(folder: URL, reasons: readonly string[], listFile: string): string[] {
  const texts = sources(folder)
    .filter(({ path }) => path !== listFile)
    .map(({ text }) => text)
    .join('\n');
  return reasons.filter((reason) => texts.includes(`'${reason}'`));
}
