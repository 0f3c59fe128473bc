/**
 * `npm start`, in plain JavaScript because Node 20 runs no TypeScript by itself. Loading the sources
 * through tsx (a loader thread that transpiles and resolves some 1,900 modules) cost each of the six
 * processes about 4 s of CPU, most of the start on two cores. So this file compiles the launcher
 * (`start.ts`) and the five services with esbuild into a few files (one per program and what they
 * share) under node_modules/.cache/ip-start/, and runs them from there: about 1 s of CPU per process. It compiles again only when a file they are built from changed (size or
 * time), so a warm start costs a look at those files; `npm ci` empties the cache with node_modules. The
 * tests and `npm start -w <workspace>` still run the sources through tsx.
 */
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL, URL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(ROOT, 'node_modules/.cache/ip-start');
const MANIFEST = join(OUT, 'manifest.json');
/** Files that decide the output without being bundled: this file (the build options) and the lock file. */
const ALSO_CHECKED = ['scripts/start.mjs', 'package-lock.json'];
/** The partner registry; the partners' programs are read from it when the services are compiled. */
const REGISTRY = 'subgraphs/kit/src/identity/partners.ts';

/**
 * The programs to compile: the launcher, every partner of the registry, the gateway and the pages. The
 * registry is TypeScript, so esbuild (loaded for the compile anyway) turns it into a module first. A warm
 * start takes the list from the manifest: the launcher imports the registry, so a change to it is a
 * changed input and compiles (and reads the list) again.
 */
async function programsOf(build) {
  const { outputFiles } = await build({
    absWorkingDir: ROOT,
    entryPoints: [REGISTRY],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    logLevel: 'warning',
  });
  const { PARTNERS } = await import(
    `data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`
  );
  return {
    launcher: 'scripts/start.ts',
    ...Object.fromEntries(PARTNERS.map(({ name }) => [name, `subgraphs/${name}/src/main.ts`])),
    gateway: 'gateway/src/main.ts',
    web: 'apps/web/server/main.ts',
  };
}

/** What a file looked like when the programs were built from it. */
async function fingerprint(path) {
  const info = await stat(join(ROOT, path)).catch(() => undefined);
  return info ? `${info.size}:${info.mtimeMs}` : 'missing';
}

/** The current build (its folder and programs), or undefined when a file it was built from has changed since. */
async function currentBuild() {
  const manifest = JSON.parse(await readFile(MANIFEST, 'utf8').catch(() => 'null'));
  if (
    !manifest?.inputs ||
    (await fingerprint(`node_modules/.cache/ip-start/${manifest.build}/launcher.mjs`)) === 'missing'
  )
    return undefined;
  const paths = Object.keys(manifest.inputs);
  const now = await Promise.all(paths.map(fingerprint));
  return paths.every((path, index) => manifest.inputs[path] === now[index]) && manifest.programs
    ? { folder: join(OUT, manifest.build), programs: manifest.programs }
    : undefined;
}

/**
 * The sources read files next to themselves (`new URL('../schema.graphql', import.meta.url)`); in a
 * bundle that URL would name the bundle, so each such source gets its own URL written in. Only the few
 * files that use it go through this plugin: a JavaScript callback for every file slows esbuild down.
 */
async function keepImportMetaUrl() {
  const users = [];
  for (const folder of ['scripts', 'gateway/src', 'subgraphs', 'observability/src', 'apps/web/server']) {
    for (const entry of await readdir(join(ROOT, folder), { recursive: true, withFileTypes: true })) {
      const path = join(entry.parentPath ?? entry.path, entry.name);
      if (!entry.isFile() || !entry.name.endsWith('.ts') || path.includes('node_modules')) continue;
      if ((await readFile(path, 'utf8')).includes('import.meta.url')) users.push(path);
    }
  }
  const filter = new RegExp(`^(${users.map((path) => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);
  return {
    name: 'keep-import-meta-url',
    setup(build) {
      build.onLoad({ filter }, async ({ path }) => {
        const source = await readFile(path, 'utf8');
        return {
          contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href)),
          loader: 'ts',
        };
      });
    },
  };
}

/**
 * `@apollo/utils.createhash` takes Node's crypto only where `module.require` exists, which an ES-module
 * bundle's CommonJS shim lacks: Apollo Server then hashed every request's query with `sha.js`, SHA-256 in
 * plain JavaScript, 3.6 % of the gateway's CPU on the person view (issue 18). In the bundle the package is
 * Node's own `createHash`, as it is when the sources run unbundled.
 */
const nodeCreateHash = {
  name: 'node-create-hash',
  setup(build) {
    build.onResolve({ filter: /^@apollo\/utils\.createhash$/ }, () => ({
      path: 'createhash',
      namespace: 'node-crypto',
    }));
    build.onLoad({ filter: /.*/, namespace: 'node-crypto' }, () => ({
      contents: "export { createHash } from 'node:crypto';",
      loader: 'js',
    }));
  },
};

async function compile() {
  const began = performance.now();
  console.log('compiling the launcher and the services (after a change only) ...');
  const { build, stop } = await import('esbuild');
  await mkdir(OUT, { recursive: true });
  const previous = JSON.parse(await readFile(MANIFEST, 'utf8').catch(() => 'null'))?.build;
  // Each build gets a folder of its own, so a system still running from the previous one can restart a
  // service from it; older ones are removed.
  const folder = await mkdtemp(join(OUT, 'build-'));
  const programs = await programsOf(build);
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: programs,
    outdir: folder,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // The pages' build tool is loaded only when the pages need building, from node_modules as installed.
    external: ['vite'],
    // What the programs share (graphql, Apollo, the kit) goes into shared files, made once: half the
    // compile time of six whole bundles, and code loaded only on demand stays unloaded.
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Names stay as written (`error.constructor.name` and the like behave as on the sources).
    keepNames: true,
    // Packages written as CommonJS require Node's built-ins; an ES module has no `require` of its own.
    banner: {
      js: "import { createRequire as __ipCreateRequire } from 'node:module'; const require = __ipCreateRequire(import.meta.url);",
    },
    plugins: [await keepImportMetaUrl(), nodeCreateHash],
    metafile: true,
    logLevel: 'warning',
  });
  // esbuild's compiler process would otherwise live (and hold its memory) as long as the launcher.
  await stop();
  const inputs = [...Object.keys(result.metafile.inputs), ...ALSO_CHECKED];
  const fingerprints = await Promise.all(inputs.map(fingerprint));
  const manifest = {
    build: basename(folder),
    programs: Object.keys(programs),
    inputs: Object.fromEntries(inputs.map((path, index) => [path, fingerprints[index]])),
  };
  await writeFile(`${MANIFEST}.${manifest.build}`, JSON.stringify(manifest));
  await rename(`${MANIFEST}.${manifest.build}`, MANIFEST);
  for (const entry of await readdir(OUT)) {
    if (entry.startsWith('build-') && entry !== manifest.build && entry !== previous)
      await rm(join(OUT, entry), { recursive: true, force: true });
  }
  console.log(`compiled in ${((performance.now() - began) / 1000).toFixed(1)} s`);
  return { folder, programs: manifest.programs };
}

// `--only a,b` (or `--only a --only b`): those partners alone, see `start.ts`; `npm run start:partner -- <name>`.
const { values } = parseArgs({ options: { only: { type: 'string', multiple: true } } });
const only = (values.only ?? []).flatMap((list) => list.split(',')).filter(Boolean);

const { folder, programs } = (await currentBuild()) ?? (await compile());
const { startSystem } = await import(pathToFileURL(join(folder, 'launcher.mjs')).href);
const services = programs.filter((name) => name !== 'launcher');
await startSystem(Object.fromEntries(services.map((name) => [name, join(folder, `${name}.mjs`)])), { only });
