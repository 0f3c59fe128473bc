import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, signLocalToken } from '@ip/kit/identity';
import { freePort, postGraphQL } from '@ip/kit/testing';
import { freshDataFolder, launch } from './support/launcher.ts';

/**
 * `npm run start:partner -- <name>`: one partner's subgraph alone, as a partner that hosts its own part runs
 * it: its database on a fresh embedded cluster of its own, no gateway, no pages; stopped by Ctrl-C.
 */
let folder: string;

afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('npm run start:partner', () => {
  it('starts one partner alone on its own database, and only it, and stops it on Ctrl-C', async () => {
    folder = await freshDataFolder('ip-start-partner-');
    const port = await freePort();
    const env = {
      ...process.env,
      FAMILIENKASSE_PORT: String(port),
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      INIT_CWD: folder,
    };
    // What the npm script runs.
    const launcher = launch(['--only', 'familienkasse'], env);
    try {
      await launcher.waitFor(/familienkasse up alone/);
      const output = launcher.output();
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
      launcher.interrupt();
    }
    expect(await launcher.exited).toBe(0);
    expect(launcher.output()).toContain('embedded PostgreSQL stopped');
  }, 300_000);
});
