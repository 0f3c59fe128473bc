import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, signLocalToken } from '@ip/kit/identity';
import { postGraphQL } from '@ip/kit/testing';

/**
 * `npm run start:partner -- <name>`: one partner's subgraph alone, as a partner that hosts its own part runs
 * it: its database on a fresh embedded cluster of its own, no gateway, no pages; stopped by Ctrl-C.
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url));
let folder: string;

afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('npm run start:partner', () => {
  it('starts one partner alone on its own database, and only it, and stops it on Ctrl-C', async () => {
    folder = await mkdtemp(join(tmpdir(), 'ip-start-partner-'));
    // Run as root, the cluster runs as the system user postgres, which must enter the folder.
    await chmod(folder, 0o755);
    const port = await freePort();
    const env = {
      ...process.env,
      FAMILIENKASSE_PORT: String(port),
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      INIT_CWD: folder,
    };
    // What the npm script runs; its own process group, so Ctrl-C reaches all of it as from a terminal.
    const child = spawn(process.execPath, ['scripts/start.mjs', '--only', 'familienkasse'], {
      cwd: ROOT,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const started = Date.now();
      while (!/familienkasse up alone/.test(output)) {
        if (child.exitCode !== null || Date.now() - started > 150_000) throw new Error(`did not start:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(output).toMatch(/embedded PostgreSQL \(pid \d+\) ready on .*: familienkasse$/m);
      expect(output).not.toMatch(/^(gateway|web|jobcenter|agentur|auslaenderbehoerde) +\|/m);

      const ready = await fetch(`http://localhost:${port}/ready`);
      expect(((await ready.json()) as { status: string }).status).toBe('ready');
      const authorization = `Bearer ${await signLocalToken(join(folder, 'data/issuer'), {
        userId: 'u-alone',
        agency: 'familienkasse',
        role: 'teamleitung',
        issuer: DEFAULT_ISSUER,
        audience: DEFAULT_AUDIENCE,
      })}`;
      const answer = await postGraphQL<{ _service: { sdl: string } }>(
        `http://localhost:${port}/graphql`,
        '{ _service { sdl } }',
        {},
        { authorization },
      );
      expect(answer.body.errors).toBeUndefined();
      // It serves its own schema and the kit's data-protection part, as the gateway would compose it.
      expect(answer.body.data?._service.sdl).toContain('einwilligungErfassenFamilienkasse');
    } finally {
      process.kill(-child.pid!, 'SIGINT');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('embedded PostgreSQL stopped');
  }, 300_000);
});
