import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The processes of a running `npm start` whose CPU the bench counts. */
export interface RunningSystem {
  readonly gatewayUrl: string;
  readonly subgraphUrls: Readonly<Record<string, string>>;
  /** Per service name (gateway, agentur, …, web), its process id. */
  readonly pids: Readonly<Record<string, number>>;
  /** The embedded PostgreSQL's postmaster; its server processes are its children. */
  readonly postgresPid: number;
  /** The folder `data/` (issuer keys, the cluster) lives in. */
  readonly folder: string;
  stop(): Promise<void>;
}

export const PARTNERS = ['agentur', 'jobcenter', 'auslaenderbehoerde', 'familienkasse'] as const;

/**
 * `npm start` as a user runs it (the compiled services on the embedded PostgreSQL, demo data), on a fresh
 * data folder and on ports from `base`: gateway +0, the partners +1..+4, the pages +5, PostgreSQL +19.
 */
export async function startSystem(root: string, base: number, profileDir?: string): Promise<RunningSystem> {
  const folder = await mkdtemp(join(tmpdir(), 'ip-bench-gateway-'));
  // Run as root, the embedded PostgreSQL runs as the user postgres, who must be able to enter the folder.
  await chmod(folder, 0o755);
  const ports: Record<string, string> = { GATEWAY_PORT: String(base), WEB_PORT: String(base + 5) };
  const subgraphUrls: Record<string, string> = {};
  PARTNERS.forEach((name, index) => {
    ports[`${name.toUpperCase()}_PORT`] = String(base + 1 + index);
    subgraphUrls[name] = `http://localhost:${base + 1 + index}/graphql`;
    ports[`${name.toUpperCase()}_URL`] = subgraphUrls[name];
  });
  const gatewayUrl = `http://localhost:${base}/graphql`;
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: {
      ...process.env,
      ...ports,
      AGENTUR_GRAPH_URL: gatewayUrl,
      EMBEDDED_POSTGRES_PORT: String(base + 19),
      SUPERGRAPH_PATH: join(root, 'schema/supergraph.graphql'),
      INIT_CWD: folder,
      LOG_PRETTY: 'false',
      ...(profileDir
        ? { NODE_OPTIONS: `--require ${await profiler(folder, profileDir)} ${process.env['NODE_OPTIONS'] ?? ''}` }
        : {}),
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // Every line is read, as a terminal or log shipper would; only the start-up's part is kept.
  const keep = (chunk: Buffer) => {
    if (output.length < 200_000) output += chunk.toString();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const began = performance.now();
  while (!output.includes('Press Ctrl-C to stop')) {
    if (child.exitCode !== null || performance.now() - began > 300_000) {
      await stopTree(child);
      await rm(folder, { recursive: true, force: true });
      throw new Error(`npm start did not come up:\n${output.slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const pids: Record<string, number> = {};
  for (const match of output.matchAll(/^ {2}(\S+)\s+\S+\s+\(pid (\d+)\)$/gm)) pids[match[1]!] = Number(match[2]);
  const postgresPid = Number(/embedded PostgreSQL \(pid (\d+)\) ready/.exec(output)?.[1]);
  if (!pids['gateway'] || !postgresPid) throw new Error(`no process ids in npm start's output:\n${output}`);
  return {
    gatewayUrl,
    subgraphUrls,
    pids,
    postgresPid,
    folder,
    async stop() {
      await stopTree(child);
      await rm(folder, { recursive: true, force: true });
    },
  };
}

async function stopTree(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid!, 'SIGINT');
  await exited;
}

/**
 * A preload for every service (`--cpu-prof` is not allowed in NODE_OPTIONS, and would profile the start):
 * the first SIGUSR2 starts V8's sampling profiler, the second writes `<pid>.cpuprofile` into `dir`.
 */
async function profiler(folder: string, dir: string): Promise<string> {
  const path = join(folder, 'cpu-profile.cjs');
  await writeFile(
    path,
    `const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');
const session = new Session();
session.connect();
let running = false;
process.on('SIGUSR2', () => {
  if (!running) {
    running = true;
    session.post('Profiler.enable', () => session.post('Profiler.start'));
    return;
  }
  running = false;
  session.post('Profiler.stop', (error, result) => {
    if (!error) writeFileSync(${JSON.stringify(dir)} + '/' + process.pid + '.cpuprofile', JSON.stringify(result.profile));
  });
});
`,
  );
  return path;
}
