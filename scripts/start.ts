import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * `npm start`: the whole Integration Point on one machine. Each partner runs as its own process on its
 * own embedded database, as it would in production; this script only starts them, prefixes their output
 * and stops them all on Ctrl-C.
 */
const SERVICES = [
  { name: 'agentur', entry: 'subgraphs/agentur/src/main.ts' },
  { name: 'jobcenter', entry: 'subgraphs/jobcenter/src/main.ts' },
  { name: 'auslaenderbehoerde', entry: 'subgraphs/auslaenderbehoerde/src/main.ts' },
  { name: 'familienkasse', entry: 'subgraphs/familienkasse/src/main.ts' },
  { name: 'gateway', entry: 'gateway/src/main.ts' },
] as const;

const root = fileURLToPath(new URL('../', import.meta.url));
const width = Math.max(...SERVICES.map((service) => service.name.length));
const started = performance.now();
const children = new Map<string, ChildProcess>();
const ready = new Map<string, string>();
let stopping = false;

function prefixLines(name: string, stream: NodeJS.ReadableStream, out: NodeJS.WritableStream): void {
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) out.write(`${name.padEnd(width)} | ${line}\n`);
  });
}

function stopAll(exitCode: number): void {
  if (stopping) return;
  stopping = true;
  process.exitCode = exitCode;
  console.log('stopping all services ...');
  for (const child of children.values()) if (child.exitCode === null) child.kill('SIGTERM');
}

for (const service of SERVICES) {
  const child = spawn(process.execPath, ['--import', 'tsx', service.entry], {
    cwd: root,
    env: { ...process.env, INIT_CWD: process.env['INIT_CWD'] ?? root },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  children.set(service.name, child);
  prefixLines(service.name, child.stdout!, process.stdout);
  prefixLines(service.name, child.stderr!, process.stderr);
  child.on('message', (message: { ready?: string; url?: string }) => {
    if (!message.url) return;
    ready.set(service.name, message.url);
    if (ready.size === SERVICES.length) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`\nIntegration Point graph is up in ${seconds} s:`);
      for (const { name } of SERVICES) console.log(`  ${name.padEnd(width)}  ${ready.get(name)}`);
      console.log('Press Ctrl-C to stop.\n');
    }
  });
  child.on('exit', (code, signal) => {
    children.delete(service.name);
    if (!stopping) {
      console.error(`${service.name} exited unexpectedly (${signal ?? `code ${code}`})`);
      stopAll(1);
    }
    if (children.size === 0) console.log('all services stopped');
  });
}

// Ctrl-C reaches the children too (same process group); SIGTERM covers `kill` and process managers.
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
