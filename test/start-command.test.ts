import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, signLocalToken } from '@ip/kit/identity';
import { postGraphQL } from '@ip/kit/testing';

/**
 * The README's first command, as a new user runs it: five processes on embedded databases in a fresh
 * folder, answering through the gateway, and all stopped by Ctrl-C. Spare ports keep it clear of a
 * system a developer may have running.
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PORTS = { GATEWAY_PORT: '4100', AGENTUR_PORT: '4101', JOBCENTER_PORT: '4102', AUSLAENDERBEHOERDE_PORT: '4103', FAMILIENKASSE_PORT: '4104' };
let folder: string;

afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('npm start', () => {
  it('starts the whole system on a fresh embedded default, answers, and stops on Ctrl-C', async () => {
    folder = await mkdtemp(join(tmpdir(), 'ip-start-'));
    const env = {
      ...process.env,
      ...PORTS,
      INIT_CWD: folder,
      AGENTUR_URL: 'http://localhost:4101/graphql',
      JOBCENTER_URL: 'http://localhost:4102/graphql',
      AUSLAENDERBEHOERDE_URL: 'http://localhost:4103/graphql',
      FAMILIENKASSE_URL: 'http://localhost:4104/graphql',
      SUPERGRAPH_PATH: join(ROOT, 'schema/supergraph.graphql'),
    };
    // Its own process group, so Ctrl-C can be sent to all of it as a terminal would.
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const started = Date.now();
      while (!output.includes('Integration Point graph is up')) {
        if (child.exitCode !== null || Date.now() - started > 150_000) throw new Error(`did not start:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      for (const port of Object.values(PORTS)) expect(output).toContain(`:${port}/graphql`);

      const token = await signLocalToken(join(folder, 'data/issuer'), {
        userId: 'u-start',
        agency: 'auslaenderbehoerde',
        role: 'sachbearbeitung',
        issuer: DEFAULT_ISSUER,
        audience: DEFAULT_AUDIENCE,
      });
      const { status, body } = await postGraphQL<{ personen: { totalCount: number } }>(
        'http://localhost:4100/graphql',
        '{ personen(first: 1) { totalCount } }',
        {},
        { authorization: `Bearer ${token}` },
      );
      expect(status).toBe(200);
      expect(body.data?.personen.totalCount).toBeGreaterThan(500);
    } finally {
      process.kill(-child.pid!, 'SIGINT');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('all services stopped');
  }, 200_000);
});
