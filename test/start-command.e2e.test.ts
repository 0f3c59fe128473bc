import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, signLocalToken } from '@ip/kit/identity';
import { freePort, postGraphQL } from '@ip/kit/testing';
import { startOtlpCollector } from '@ip/observability/testing';
import { freshDataFolder, launch } from './support/launcher.ts';

/**
 * The README's first command, as a new user runs it: the embedded PostgreSQL and six processes in a
 * fresh folder, answering through the gateway, riding out a crashed subgraph, and all stopped by Ctrl-C,
 * PostgreSQL included. Spare ports keep it clear of a system a developer may have running.
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PORTS = {
  GATEWAY_PORT: '4100',
  AGENTUR_PORT: '4101',
  JOBCENTER_PORT: '4102',
  AUSLAENDERBEHOERDE_PORT: '4103',
  FAMILIENKASSE_PORT: '4104',
};
let folder: string;
let collector: Awaited<ReturnType<typeof startOtlpCollector>> | undefined;

afterAll(async () => {
  collector?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start', () => {
  it('starts the whole system on a fresh embedded default, traces to a collector, restarts a killed subgraph, and stops all on Ctrl-C', async () => {
    folder = await freshDataFolder('ip-start-');
    // Traces go to a collector only when one is configured: here one is, so the compiled services load the
    // SDK and its exporter as an operator's deployment would.
    collector = await startOtlpCollector(await freePort());
    const heard = collector.spans;
    const env = {
      ...process.env,
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      // Batches leave after 100 ms instead of 5 s.
      OTEL_BSP_SCHEDULE_DELAY: '100',
      ...PORTS,
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      INIT_CWD: folder,
      AGENTUR_URL: 'http://localhost:4101/graphql',
      JOBCENTER_URL: 'http://localhost:4102/graphql',
      AUSLAENDERBEHOERDE_URL: 'http://localhost:4103/graphql',
      FAMILIENKASSE_URL: 'http://localhost:4104/graphql',
      SUPERGRAPH_PATH: join(ROOT, 'schema/supergraph.graphql'),
      WEB_PORT: '4110',
    };
    // What `npm start` runs; it compiles the services first if their sources changed.
    const { child, output, waitFor, exited, interrupt } = launch([], env);
    const pids: number[] = [];
    try {
      // The summary's last line: its lines are written one by one and may reach the pipe in several chunks.
      await waitFor(/Press Ctrl-C to stop/);
      for (const port of Object.values(PORTS)) expect(output()).toContain(`:${port}/graphql`);
      const postgresPid = Number(/embedded PostgreSQL \(pid (\d+)\) ready/.exec(output())?.[1]);
      const jobcenterPid = Number(/^ {2}jobcenter +\S+ +\(pid (\d+)\)/m.exec(output())?.[1]);
      expect(postgresPid).toBeGreaterThan(0);
      expect(jobcenterPid).toBeGreaterThan(0);
      pids.push(postgresPid, jobcenterPid);

      const token = await signLocalToken(join(folder, 'data/issuer'), {
        userId: 'u-start',
        agency: 'jobcenter',
        role: 'fallmanagement',
        issuer: DEFAULT_ISSUER,
        audience: DEFAULT_AUDIENCE,
      });
      const ask = () =>
        postGraphQL<{
          personen: { totalCount: number; edges: { node: { bedarfsgemeinschaft: { bgNummer: string } | null } }[] };
        }>(
          'http://localhost:4100/graphql',
          '{ personen(first: 100) { totalCount edges { node { bedarfsgemeinschaft { bgNummer } } } } }',
          {},
          { authorization: `Bearer ${token}` },
        );
      const first = await ask();
      expect(first.status).toBe(200);
      // The pages: built into the fresh folder on first start (while the others start) and served with their settings.
      await waitFor(/web +\| pages built in/);
      const page = await fetch('http://localhost:4110/');
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).toMatch(/<script type="module"[^>]* src="\/assets\/index-[\w-]+\.js"/);
      const settings = (await (await fetch('http://localhost:4110/einstellungen.json')).json()) as {
        anmeldung: { art: string };
        stichtag: string;
      };
      expect(settings).toMatchObject({ anmeldung: { art: 'lokal' }, stichtag: '2015-12-01' });
      expect(first.body.data?.personen.totalCount).toBeGreaterThan(500);
      // The person list as one trace: the gateway's request and, under the same trace id, the partners it
      // asked (the persons are the Ausländerbehörde's, the Bedarfsgemeinschaft the Jobcenter's).
      await expect
        .poll(() => {
          const traces = new Set(heard.filter((span) => span.service === 'gateway').map((span) => span.traceId));
          return new Set(heard.filter((span) => traces.has(span.traceId)).map((span) => span.service));
        })
        .toEqual(new Set(['gateway', 'auslaenderbehoerde', 'jobcenter']));

      process.kill(jobcenterPid, 'SIGKILL');
      await waitFor(/jobcenter +\| back after restart 1/);
      expect(output()).toMatch(/jobcenter +\| exited unexpectedly \(SIGKILL\); restarting in 0\.5 s/);
      const again = await ask();
      expect(again.body.errors).toBeUndefined();
      expect(
        again.body.data?.personen.edges.filter((edge) => edge.node.bedarfsgemeinschaft !== null).length,
      ).toBeGreaterThan(0);
    } finally {
      interrupt();
    }
    expect(await exited).toBe(0);
    expect(output()).toContain('embedded PostgreSQL stopped');
    expect(output()).toContain('all services stopped');
    for (const pid of pids) expect(isRunning(pid), `pid ${pid} still runs`).toBe(false);
    // The services (the restarted one too) ran in the launcher's process group; none of it is left. A
    // helper of one ends when its parent's pipe closes, a moment after it.
    const deadline = Date.now() + 5_000;
    while (isRunning(-child.pid!) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(isRunning(-child.pid!), "a process of the launcher's group still runs").toBe(false);
  }, 300_000);
});
