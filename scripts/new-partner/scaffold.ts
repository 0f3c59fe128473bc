import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

/**
 * `npm run new-partner -- <name>`: a new partner's subgraph in the house's shape, registered in the partner
 * registry and the workspaces, so that it composes, type-checks and passes its own tests at once. The
 * templates (`templates/partner/**`, one end-to-end test) name the partner with placeholders: `__name__`
 * (folder, agency id), `__Name__` (in type and function names), `__NAME__` (environment prefix, enum
 * values), `__Title__` (prose), `__port__`, `__date__` (the first migration's name), `__AZ__` (the
 * prefix of its example file numbers) and the versions of its dependencies (`__kysely__`, ...), which are
 * the kit's, so that `npm ci` needs nothing new.
 */
const TEMPLATES = fileURLToPath(new URL('templates/', import.meta.url));
const REGISTRY = 'subgraphs/kit/src/identity/partners.ts';
const MARKER = '  // new-partner: entries above this line';
/** Ports the system uses besides the partners': the gateway and the pages. */
const TAKEN_PORTS = [4000, 4010];

export interface ScaffoldRequest {
  /** The project to add the partner to (its root folder). */
  readonly root: string;
  readonly name: string;
  readonly port?: number;
  readonly title?: string;
  /** The day the first migration is named after (default today, UTC). */
  readonly date?: string;
}

export interface Scaffolded {
  /** Files written, relative to the root. */
  readonly created: readonly string[];
  /** Files changed to register the partner, relative to the root. */
  readonly edited: readonly string[];
  readonly port: number;
  readonly title: string;
}

/** Why a name cannot be a partner's, or undefined if it can. */
export function problemWithName(name: string, registered: readonly string[]): string | undefined {
  if (!/^[a-z][a-z0-9]{1,29}$/.test(name))
    return `a partner's name is 2 to 30 lower-case letters and digits, starting with a letter (it names a folder, a package, an agency in tokens and databases, and environment variables): ${JSON.stringify(name)}`;
  if (['kit', 'gateway', 'web', 'schema', 'test', 'observability', 'postgres'].includes(name))
    return `${name} is a part of the system, not a partner`;
  if (registered.includes(name)) return `${name} is registered already (${REGISTRY})`;
  return undefined;
}

/** The names and ports in the registry, read from its text (the scaffold may run before it compiles). */
function registeredIn(registry: string): { names: string[]; ports: number[] } {
  return {
    names: [...registry.matchAll(/^ {4}name: ['"]([a-z0-9]+)['"],$/gm)].map((match) => match[1]!),
    ports: [...registry.matchAll(/^ {4}port: (\d+),$/gm)].map((match) => Number(match[1])),
  };
}

export async function scaffoldPartner(request: ScaffoldRequest): Promise<Scaffolded> {
  const { root, name } = request;
  const registryFile = join(root, REGISTRY);
  const registry = await readFile(registryFile, 'utf8');
  if (!registry.includes(MARKER)) throw new Error(`${REGISTRY} has lost its marker line "${MARKER.trim()}"`);
  const { names, ports } = registeredIn(registry);
  const problem = problemWithName(name, names);
  if (problem) throw new Error(problem);
  const folder = join(root, 'subgraphs', name);
  if (await exists(folder)) throw new Error(`subgraphs/${name} exists already`);

  const port = request.port ?? nextPort([...ports, ...TAKEN_PORTS]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`not a port: ${port}`);
  if (ports.includes(port) || TAKEN_PORTS.includes(port)) throw new Error(`port ${port} is taken`);
  const title = request.title?.trim() || `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  const kit = JSON.parse(await readFile(join(root, 'subgraphs/kit/package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const values: Record<string, string> = {
    __name__: name,
    __Name__: `${name.charAt(0).toUpperCase()}${name.slice(1)}`,
    __NAME__: name.toUpperCase(),
    __Title__: title,
    __port__: String(port),
    __date__: request.date ?? new Date().toISOString().slice(0, 10),
    __AZ__: name.slice(0, 3).toUpperCase(),
    __dataloader__: kit.dependencies['dataloader']!,
    __graphql__: kit.dependencies['graphql']!,
    __kysely__: kit.dependencies['kysely']!,
  };
  const fill = (text: string) =>
    text.replace(/__(?:name|Name|NAME|Title|port|date|AZ|dataloader|graphql|kysely)__/g, (key) => values[key]!);

  const created: string[] = [];
  const write = async (path: string, text: string) => {
    const target = join(root, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, await formatted(target, text));
    created.push(path);
  };
  for (const template of await filesUnder(join(TEMPLATES, 'partner'))) {
    const path = relative(join(TEMPLATES, 'partner'), template).replace(/\.tmpl$/, '');
    await write(join('subgraphs', name, path), fill(await readFile(template, 'utf8')));
  }
  await write(join('test', `${name}.e2e.test.ts`), fill(await readFile(join(TEMPLATES, 'e2e.test.ts.tmpl'), 'utf8')));

  const entry = `  {
    name: '${name}',
    behoerde: '${values['__NAME__']}',
    title: ${JSON.stringify(title)},
    shortTitle: ${JSON.stringify(title)},
    description: ${JSON.stringify(`${title}.`)},
    port: ${port},
    envPrefix: '${values['__NAME__']}',
    roles: ['sachbearbeitung', 'teamleitung', 'datenschutz'],
    categories: [
      { value: '${name}_vorgang', enumName: '${values['__NAME__']}_VORGANG', description: 'its case files (the scaffold\\'s example category).' },
    ],
  },
`;
  await writeFile(registryFile, await formatted(registryFile, registry.replace(MARKER, `${entry}${MARKER}`)));

  const packageFile = join(root, 'package.json');
  const rootPackage = JSON.parse(await readFile(packageFile, 'utf8')) as { workspaces: string[] };
  // After the last partner, so the workspaces keep kit, partners, gateway in that order.
  const after = Math.max(...rootPackage.workspaces.map((path, index) => (path.startsWith('subgraphs/') ? index : -1)));
  rootPackage.workspaces.splice(after + 1, 0, `subgraphs/${name}`);
  await writeFile(packageFile, await formatted(packageFile, `${JSON.stringify(rootPackage, null, 2)}\n`));

  return { created, edited: [REGISTRY, 'package.json'], port, title };
}

function nextPort(taken: readonly number[]): number {
  let port = Math.max(4000, ...taken.filter((each) => each < 4010)) + 1;
  while (taken.includes(port)) port += 1;
  return port;
}

async function formatted(path: string, text: string): Promise<string> {
  const options = await prettier.resolveConfig(path);
  const info = await prettier.getFileInfo(path);
  return info.inferredParser ? prettier.format(text, { ...options, filepath: path }) : text;
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

async function exists(path: string): Promise<boolean> {
  return readdir(path).then(
    () => true,
    () => false,
  );
}
