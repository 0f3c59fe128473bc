import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  embeddedClusterConfig,
  newPartnerPasswords,
  oldPgliteFolders,
  partnerUrl,
  preparePartnerDatabases,
  projectRoot,
  startCluster,
  type RunningCluster,
} from '@ip/kit/embedded-postgres';
import { PARTNERS as REGISTRY } from '@ip/kit/identity';
import { supervise, type ServiceSpec } from './supervisor.ts';

/**
 * `npm start`: the whole Integration Point on one machine: the embedded PostgreSQL cluster (one database
 * and one role per partner), each partner as its own process on its own database, as it would run in
 * production, the gateway, and the pages (apps/web, built on first start). A service that dies is started
 * again; Ctrl-C stops the services and then the cluster. `start.mjs` compiles this file and the services
 * and calls `startSystem` with the compiled files.
 */
const ALL_PARTNERS: readonly string[] = REGISTRY.map((entry) => entry.name);
type ServiceName = string;

export interface StartOptions {
  /**
   * `--only <partner>[,<partner>]` (`npm run start:partner -- <partner>`): these partners' subgraphs alone,
   * each on its own database (on the embedded cluster, or `<PARTNER>_DATABASE_URL`), without the gateway
   * and the pages: a partner that hosts its own part runs this, and the gateway elsewhere names it with
   * `<PARTNER>_URL`.
   */
  readonly only?: readonly string[];
}

export async function startSystem(
  programs: Readonly<Record<ServiceName, string>>,
  options: StartOptions = {},
): Promise<void> {
  const unknown = (options.only ?? []).filter((name) => !ALL_PARTNERS.includes(name));
  if (unknown.length > 0) {
    console.error(`not a registered partner: ${unknown.join(', ')} (the registry has ${ALL_PARTNERS.join(', ')})`);
    process.exitCode = 2;
    return;
  }
  const PARTNERS = options.only?.length ? ALL_PARTNERS.filter((name) => options.only!.includes(name)) : ALL_PARTNERS;
  const SERVICES = options.only?.length ? PARTNERS : [...PARTNERS, 'gateway', 'web'];
  const root = fileURLToPath(new URL('../', import.meta.url));
  const width = Math.max('postgres'.length, ...SERVICES.map((name) => name.length));
  const write = (name: string, line: string, stream: 'out' | 'err' = 'out') =>
    (stream === 'out' ? process.stdout : process.stderr).write(`${name.padEnd(width)} | ${line}\n`);
  // A young generation of 2 MB instead of 16 MB saves about 40 MB per service on this machine's measure;
  // local traffic does not need the larger one. A NODE_OPTIONS of the user's own comes after it and wins.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    INIT_CWD: projectRoot(process.env),
    // The services' output reaches a terminal through this launcher: readable lines there, JSON elsewhere.
    LOG_PRETTY: process.env['LOG_PRETTY'] ?? String(process.stdout.isTTY === true),
    NODE_OPTIONS: `--max-semi-space-size=2 ${process.env['NODE_OPTIONS'] ?? ''}`.trim(),
  };

  let cluster: RunningCluster | undefined;
  let clusterStarting: Promise<unknown> = Promise.resolve();
  let services: ReturnType<typeof supervise> | undefined;
  let stopping = false;

  async function stopAll(exitCode: number): Promise<void> {
    if (stopping) return;
    stopping = true;
    process.exitCode = exitCode;
    console.log('stopping all services ...');
    await services?.stop();
    await clusterStarting.catch(() => undefined);
    if (cluster) {
      await cluster.stop();
      write('postgres', 'embedded PostgreSQL stopped');
    }
    console.log('all services stopped');
  }

  // A terminal's Ctrl-C reaches the services too (same process group); SIGTERM covers `kill` and process managers.
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  for (const folder of await oldPgliteFolders(join(projectRoot(env), 'data'), PARTNERS)) {
    console.warn(
      `old PGlite data in ${folder} is no longer used (every partner's data now lives in the embedded PostgreSQL); delete it`,
    );
  }
  // A partner given its own server keeps it, with its own demo-data setting; the others go on the cluster.
  const prefix = (name: string) => REGISTRY.find((entry) => entry.name === name)!.envPrefix;
  const embedded = PARTNERS.filter((partner) => !env[`${prefix(partner)}_DATABASE_URL`]);
  if (embedded.length > 0) {
    const config = embeddedClusterConfig(env);
    // The services load their code (most of the start time) while the cluster comes up; each waits for its
    // database to answer (DATABASE_WAIT_SECONDS).
    const passwords = newPartnerPasswords(embedded);
    for (const partner of embedded) {
      const variable = (name: string) => `${prefix(partner)}_${name}`;
      env[variable('DATABASE_URL')] = partnerUrl(config.port, partner, passwords[partner]!);
      env[variable('DEMO_DATA')] ??= 'true';
      // Four connections serve one person's view; the default ten, each a PostgreSQL process of about
      // 17 MB on the same machine, cost the Familienkasse alone 100 MB more after the README's queries.
      env[variable('DATABASE_POOL_MAX')] ??= '4';
      // The service waits for this launcher's word before its first login: tried earlier, every attempt
      // until the role exists is a failed login in the database's log.
      env[variable('DATABASE_WAIT_FOR_LAUNCHER')] = 'true';
    }
    clusterStarting = (async () => {
      cluster = await startCluster({
        ...config,
        portSetting: 'EMBEDDED_POSTGRES_PORT',
        durability: 'durable',
        log: (line) => write('postgres', line),
      });
      await preparePartnerDatabases(cluster.adminUrl, passwords);
      services?.databaseReady();
      write(
        'postgres',
        `embedded PostgreSQL (pid ${cluster.pid}) ready on ${config.dataDir}, port ${config.port}: ${embedded.join(', ')}`,
      );
      void cluster.exited.then(() => {
        if (stopping) return;
        write('postgres', 'the embedded PostgreSQL stopped unexpectedly; stopping everything', 'err');
        void stopAll(1);
      });
    })();
    clusterStarting.catch((error: unknown) => {
      console.error(`cannot start the embedded PostgreSQL: ${(error as Error).message}`);
      void stopAll(1);
    });
  }

  // The demo population stands on 1 December 2015 (subgraphs/kit/src/demo/population.ts): the SLA dashboard
  // opens on that day rather than on today, years after the last demo application.
  if (embedded.length > 0 && SERVICES.includes('web')) env['WEB_STICHTAG'] ??= '2015-12-01';

  // The pages' server builds the pages on a first start, seconds of CPU the five others need more then:
  // it runs at a lower priority until all are ready (then back to normal, where the system allows).
  // The partners run with NODE_ENV=production unless the user set one: graphql-js then checks types with
  // a plain `instanceof` instead of its development check (1–2 % of a subgraph's CPU, issue 18). The
  // subgraphs set what else Apollo Server derives from it (introspection, stack traces) themselves. The
  // gateway and the pages keep the environment as it is.
  const partnerEnv: NodeJS.ProcessEnv = { ...env, NODE_ENV: env['NODE_ENV'] ?? 'production' };
  const specs: ServiceSpec[] = SERVICES.map((name) => ({
    name,
    entry: programs[name]!,
    env: PARTNERS.includes(name) ? partnerEnv : env,
    ...(name === 'web' ? { niceness: 10 } : {}),
  }));
  services = supervise(specs, {
    cwd: root,
    write,
    onAllReady(urls) {
      // Since this process began: compiling (when a source changed) and loading are part of the wait.
      const seconds = (performance.now() / 1000).toFixed(1);
      console.log(
        options.only?.length
          ? `\n${PARTNERS.join(', ')} up alone in ${seconds} s (no gateway here; point one at it with <PARTNER>_URL):`
          : `\nIntegration Point graph is up in ${seconds} s:`,
      );
      const pids = services?.pids() ?? {};
      for (const name of SERVICES) console.log(`  ${name.padEnd(width)}  ${urls.get(name)}  (pid ${pids[name]})`);
      console.log('Press Ctrl-C to stop.\n');
    },
    onStartFailure: (name) => {
      console.error(`${name} could not start; stopping all services`);
      void stopAll(1);
    },
  });
}
