import type { ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, PARTNERS, signLocalToken } from '@ip/kit/identity';
import { launch } from '../test/support/launcher.ts';

/**
 * `npm run bench:start`: what a new user waits for and what the system costs. Runs `npm start` as on a
 * fresh clone (no compiled services yet, a fresh data folder) to all five ready, then on another fresh
 * data folder with the services compiled, then again on that data (warm restart); sends the README's
 * example queries and sums the memory of every process in the launcher's tree (PostgreSQL included).
 * Spare ports keep it clear of a system already running; `BENCH_PORT_BASE` moves them.
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const base = Number(process.env['BENCH_PORT_BASE'] ?? 4300);
const names = ['GATEWAY', ...PARTNERS.map((entry) => entry.envPrefix)];
const ports = Object.fromEntries(names.map((name, index) => [`${name}_PORT`, String(base + index)]));
const urls = Object.fromEntries(
  names.slice(1).map((name, index) => [`${name}_URL`, `http://localhost:${base + 1 + index}/graphql`]),
);
const gatewayUrl = `http://localhost:${base}/graphql`;

const README_QUERIES = [
  '{ personen(first: 3) { totalCount edges { node { id identitaet { vorname nachname staatsangehoerigkeit } aufenthalt { status { art rechtsgrundlage gueltigAb } } integrationPointFall { kundennummer status } bedarfsgemeinschaft { bgNummer mitglieder { rolle } } kindergeldantraege { kindergeldnummer eingangAm ergebnis } } } } }',
  '{ personen(first: 20) { edges { node { id datenschutz { familienkasse { einwilligungen { status } zugriffe { edges { node { anfragendeBehoerde kategorie entscheidung } } } } } } } } }',
];

interface Run {
  readonly child: ChildProcess;
  readonly seconds: number;
  /** CPU time the launcher's tree used until ready: a figure that the machine's other load distorts less. */
  readonly cpuSeconds: number;
  /** The same per process: which one the start waits for. */
  readonly cpuByProcess: string;
  output(): string;
}

async function start(folder: string): Promise<Run> {
  const began = performance.now();
  const env = {
    ...process.env,
    ...ports,
    ...urls,
    EMBEDDED_POSTGRES_PORT: String(base + 10),
    SUPERGRAPH_PATH: join(ROOT, 'schema/supergraph.graphql'),
    INIT_CWD: folder,
  };
  const launcher = launch([], env, { pollMs: 50, timeoutMs: 300_000 });
  try {
    await launcher.waitFor(/Integration Point graph is up/);
  } catch (error) {
    launcher.interrupt();
    throw error;
  }
  const { child, output } = launcher;
  const seconds = (performance.now() - began) / 1000;
  const tree = await processTree(child.pid!);
  const cpuSeconds = tree.reduce((total, row) => total + row.cpuSeconds, 0);
  const cpuByProcess = tree
    .filter((row) => row.cpuSeconds >= 0.05)
    .map(
      (row) =>
        `${row.name.replace(/ \(compiled\)$/, '').replace(/^.*\/postgres$/, 'postgres')} ${row.cpuSeconds.toFixed(2)}`,
    )
    .join(', ');
  return { child, seconds, cpuSeconds, cpuByProcess, output };
}

async function stop(run: Run): Promise<void> {
  const exited = new Promise((resolve) => run.child.once('exit', resolve));
  process.kill(-run.child.pid!, 'SIGINT');
  await exited;
}

/** Clock ticks per second of /proc/<pid>/stat's times: 100 on every Linux this runs on. */
const CLOCK_TICKS = 100;

/**
 * Every process below `root`, with its command name, RSS and PSS (shared pages split fairly) in MB, and
 * the CPU seconds it and its ended children (initdb, esbuild, closed PostgreSQL connections) used.
 */
async function processTree(
  root: number,
): Promise<{ pid: number; name: string; rssMb: number; pssMb: number; cpuSeconds: number }[]> {
  const parents = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[1]) parents.set(Number(entry), Number(fields[1]));
  }
  const tree = [root];
  for (let index = 0; index < tree.length; index += 1)
    for (const [pid, ppid] of parents) if (ppid === tree[index]) tree.push(pid);
  const rows = [];
  for (const pid of tree) {
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '');
    const kb = (text: string, key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0);
    const cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0');
    const name = cmdline.find((part) => /main\.ts|start\.m?[jt]s|ip-start\/build-/.test(part)) ?? cmdline[0] ?? '?';
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    // utime, stime, cutime, cstime: fields 14 to 17 of stat, counted after the command name in parentheses.
    const times = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .slice(11, 15)
      .map(Number);
    rows.push({
      pid,
      name: name
        .replace(/^.*?(subgraphs\/|gateway\/|scripts\/)/, '$1')
        .replace(/^.*ip-start\/build-[^/]+\/(\w+)\.mjs$/, '$1 (compiled)'),
      rssMb: kb(status, 'VmRSS') / 1024,
      pssMb: kb(rollup, 'Pss') / 1024,
      cpuSeconds: times.reduce((total, ticks) => total + (ticks || 0), 0) / CLOCK_TICKS,
    });
  }
  return rows;
}

const clone = await mkdtemp(join(tmpdir(), 'ip-bench-'));
const folder = await mkdtemp(join(tmpdir(), 'ip-bench-'));
// Run as root, the cluster runs as the system user postgres, which must enter the folders.
await chmod(clone, 0o755);
await chmod(folder, 0o755);
try {
  console.log(
    `load average before: ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')} (${(await readFile('/proc/loadavg', 'utf8')).trim()})`,
  );
  const upLine = (run: Run) => /up in ([\d.]+) s/.exec(run.output())?.[1];
  // What `npm ci` leaves: no compiled services.
  await rm(join(ROOT, 'node_modules/.cache/ip-start'), { recursive: true, force: true });
  const cloned = await start(clone);
  console.log(
    `fresh clone (compiles, new ./data) to all five ready: ${cloned.seconds.toFixed(1)} s, ${cloned.cpuSeconds.toFixed(1)} s CPU (launcher says ${upLine(cloned)} s; ${/compiled in ([\d.]+) s/.exec(cloned.output())?.[1]} s compiling)`,
  );
  console.log(`  CPU s by process: ${cloned.cpuByProcess}`);
  await stop(cloned);
  const fresh = await start(folder);
  console.log(
    `fresh ./data to all five ready: ${fresh.seconds.toFixed(1)} s, ${fresh.cpuSeconds.toFixed(1)} s CPU (launcher says ${upLine(fresh)} s)`,
  );
  console.log(`  CPU s by process: ${fresh.cpuByProcess}`);
  await stop(fresh);
  const warm = await start(folder);
  console.log(
    `warm restart to all five ready: ${warm.seconds.toFixed(1)} s, ${warm.cpuSeconds.toFixed(1)} s CPU (launcher says ${upLine(warm)} s)`,
  );
  console.log(`  CPU s by process: ${warm.cpuByProcess}`);

  const token = await signLocalToken(join(folder, 'data/issuer'), {
    userId: 'bench',
    agency: 'jobcenter',
    role: 'fallmanagement',
    issuer: DEFAULT_ISSUER,
    audience: DEFAULT_AUDIENCE,
  });
  for (const query of README_QUERIES) {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    if (!response.ok) throw new Error(`example query failed: HTTP ${response.status} ${await response.text()}`);
  }
  const rows = await processTree(warm.child.pid!);
  for (const row of rows)
    console.log(
      `  ${String(row.pid).padStart(7)}  ${row.name.padEnd(44).slice(0, 44)}  RSS ${row.rssMb.toFixed(0).padStart(5)} MB  PSS ${row.pssMb.toFixed(0).padStart(5)} MB`,
    );
  const sum = (key: 'rssMb' | 'pssMb') => rows.reduce((total, row) => total + row[key], 0);
  console.log(
    `total after the README's example queries: ${rows.length} processes, RSS ${sum('rssMb').toFixed(0)} MB (PSS ${sum('pssMb').toFixed(0)} MB)`,
  );
  await stop(warm);
  console.log(`load average after: ${(await readFile('/proc/loadavg', 'utf8')).trim()}`);
} finally {
  await rm(clone, { recursive: true, force: true });
  await rm(folder, { recursive: true, force: true });
}
