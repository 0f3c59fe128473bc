import { log, startObservability, type ObservabilitySettings } from '@ip/observability';
import type { Kysely } from 'kysely';
import type { SubgraphConfig } from './config.ts';
import { purgeAccessLog } from './consent/access-log.repository.ts';
import { datenschutzDb } from './consent/consent.repository.ts';
import type { DatenschutzTables } from './consent/tables.ts';
import { purgeAnfrageIds } from './idempotency/idempotent.ts';
import { openDatabase, untilReachable } from './database.ts';
import { createTokenVerifier, ensureLocalIssuer, type IdentityConfig, type TokenVerifier } from './identity/index.ts';
import type { InputLimits } from './input/limits.ts';
import type { RunningServer } from './subgraph-server.ts';

export interface SubgraphProgram<DB extends DatenschutzTables> {
  /** Read from the environment by the partner's `main.ts`, like everything else here. */
  readonly config: SubgraphConfig;
  readonly identity: IdentityConfig;
  /** Logs, metrics and traces: `observabilitySettings(env)`, read by the partner's `main.ts`. */
  readonly observability: ObservabilitySettings;
  /** Migrates, and seeds demo data when the configuration asks for it. */
  prepare(db: Kysely<DB>, config: SubgraphConfig): Promise<void>;
  start(
    db: Kysely<DB>,
    options: {
      readonly port: number;
      readonly host: string;
      readonly verifyToken: TokenVerifier;
      readonly inputLimits: InputLimits;
    },
  ): Promise<RunningServer>;
}

/**
 * The life of a subgraph process: open its database, prepare it, listen, and on SIGINT/SIGTERM stop
 * taking requests, finish the ones in flight and close the database connections.
 */
export async function runSubgraph<DB extends DatenschutzTables>(program: SubgraphProgram<DB>): Promise<void> {
  const { config, identity } = program;
  const started = performance.now();
  // First: every later line is JSON, and a collector (if configured) sees the start.
  const tracing = await startObservability(config.name, program.observability);
  if (identity.keys.kind === 'local') await ensureLocalIssuer(identity.keys.dir);
  const verifyToken = await createTokenVerifier(identity);
  const db = await openDatabase<DB>(config.database, { maxConnections: config.databasePoolMax });
  if (config.databaseWaitForLauncher) await untilLauncherSaysReady(config.databaseWaitSeconds * 1000);
  await untilReachable(db as Kysely<unknown>, config.databaseWaitSeconds * 1000, (reason) =>
    log().info({ reason }, 'waiting for the database'),
  );
  await program.prepare(db, config);
  const server = await program.start(db, {
    port: config.port,
    host: config.host,
    verifyToken,
    inputLimits: config.inputLimits,
  });
  log().info(
    { url: server.url, database: databaseName(config.database.url), readyMs: Math.round(performance.now() - started) },
    `${config.name} listening on ${server.url}`,
  );
  process.send?.({ ready: config.name, url: server.url });

  const purge = () =>
    purgeAccessLog(datenschutzDb(db), retentionCutOff(new Date(), config.accessLogRetentionMonths))
      .then((removed) => removed > 0 && log().info({ removed }, 'access log purge'))
      .catch((error: unknown) =>
        log().error(
          { err: { type: (error as Error)?.name, code: (error as { code?: unknown })?.code } },
          'access log purge failed',
        ),
      )
      .then(() => purgeAnfrageIds(db, new Date(Date.now() - config.anfrageIdRetentionDays * 24 * 3600 * 1000)))
      .catch((error: unknown) =>
        log().error(
          { err: { type: (error as Error)?.name, code: (error as { code?: unknown })?.code } },
          'request id purge failed',
        ),
      );
  await purge();
  const daily = setInterval(() => void purge(), 24 * 3600 * 1000).unref();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    clearInterval(daily);
    log().info({ signal }, `${config.name} stopping`);
    await server.stop();
    await db.destroy();
    await tracing.shutdown();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/**
 * Asks the launcher (the parent, over the IPC channel `npm start` opens) whether the partner's role and
 * database exist yet, and waits for its answer: the launcher answers once it has made them, at once if it
 * already has. A process without that channel was not started by the launcher and does not wait.
 */
function untilLauncherSaysReady(waitMs: number): Promise<void> {
  const send = process.send?.bind(process);
  if (!send) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if ((message as { database?: unknown } | null)?.database !== 'ready') return;
      clearTimeout(timer);
      process.off('message', onMessage);
      resolve();
    };
    const timer = setTimeout(() => {
      process.off('message', onMessage);
      reject(new Error(`the launcher did not report the database ready within ${waitMs / 1000} s`));
    }, waitMs);
    process.on('message', onMessage);
    send({ waiting: 'database' });
  });
}

/** The URL without its password, for the log. */
function databaseName(url: string): string {
  const shown = new URL(url);
  shown.password = '';
  return shown.toString();
}

/** Entries older than this instant are past retention; on the 31st, months without one end on their last day. */
export function retentionCutOff(now: Date, months: number): Date {
  const cutOff = new Date(now);
  cutOff.setUTCDate(1);
  cutOff.setUTCMonth(cutOff.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(cutOff.getUTCFullYear(), cutOff.getUTCMonth() + 1, 0)).getUTCDate();
  cutOff.setUTCDate(Math.min(now.getUTCDate(), lastDay));
  return cutOff;
}
