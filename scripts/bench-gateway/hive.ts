import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Hive Gateway, the peer the bench measures our gateway against, as its own process. */
export interface RunningHive {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/**
 * Hive Gateway's CLI on the same supergraph, its subgraph addresses rewritten to the running partners'.
 * Its in-flight request sharing is off, so that it asks the subgraphs as often as our gateway does; the
 * caller's token goes to every subgraph, as ours sends it. One process (`--fork 1`).
 */
export async function startHive(options: {
  readonly root: string;
  readonly folder: string;
  readonly port: number;
  readonly subgraphUrls: Readonly<Record<string, string>>;
}): Promise<RunningHive> {
  let supergraph = await readFile(join(options.root, 'schema/supergraph.graphql'), 'utf8');
  for (const [name, url] of Object.entries(options.subgraphUrls)) {
    supergraph = supergraph.replace(
      new RegExp(`@join__graph\\(name: "${name}", url: "[^"]*"\\)`),
      `@join__graph(name: "${name}", url: "${url}")`,
    );
  }
  const supergraphPath = join(options.folder, 'hive-supergraph.graphql');
  await writeFile(supergraphPath, supergraph);
  const configPath = join(options.folder, 'gateway.config.mjs');
  await writeFile(
    configPath,
    `export const gatewayConfig = {
  transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } },
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') ?? '' }),
  },
  logging: 'error',
};
`,
  );
  // The CLI's file beside the package's main module (the package exports no path to it).
  const bin = fileURLToPath(new URL('./bin.js', import.meta.resolve('@graphql-hive/gateway')));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      bin,
      'supergraph',
      supergraphPath,
      '--config-path',
      configPath,
      '--port',
      String(options.port),
      '--host',
      '127.0.0.1',
      '--fork',
      '1',
      '--polling',
      '1h',
    ],
    { cwd: options.folder, env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()).length > 100_000 && (output = ''));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()).length > 100_000 && (output = ''));
  const url = `http://127.0.0.1:${options.port}/graphql`;
  const began = performance.now();
  for (;;) {
    if (child.exitCode !== null || performance.now() - began > 120_000)
      throw new Error(`Hive Gateway did not start:\n${output.slice(-4000)}`);
    const ready = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    }).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
