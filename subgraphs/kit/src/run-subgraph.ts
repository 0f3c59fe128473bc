import type { Kysely } from 'kysely';
import type { SubgraphConfig } from './config.ts';
import { openDatabase } from './database.ts';
import { createTokenVerifier, ensureLocalIssuer, identityConfig, type TokenVerifier } from './identity/index.ts';
import type { RunningServer } from './subgraph-server.ts';

export interface SubgraphProgram<DB> {
  readonly config: SubgraphConfig;
  /** Migrates, and seeds demo data when the configuration asks for it. */
  prepare(db: Kysely<DB>, config: SubgraphConfig): Promise<void>;
  start(
    db: Kysely<DB>,
    options: { readonly port: number; readonly host: string; readonly verifyToken: TokenVerifier },
  ): Promise<RunningServer>;
}

/**
 * The life of a subgraph process: open its database, prepare it, listen, and on SIGINT/SIGTERM stop
 * taking requests, finish the ones in flight and close the database, so PGlite's files stay consistent.
 */
export async function runSubgraph<DB>(program: SubgraphProgram<DB>): Promise<void> {
  const { config } = program;
  const started = performance.now();
  const identity = identityConfig();
  if (identity.keys.kind === 'local') await ensureLocalIssuer(identity.keys.dir);
  const verifyToken = await createTokenVerifier(identity);
  const db = await openDatabase<DB>(config.database);
  await program.prepare(db, config);
  const server = await program.start(db, { port: config.port, host: config.host, verifyToken });
  const where = config.database.kind === 'server' ? 'PostgreSQL server' : config.database.kind === 'embedded' ? config.database.dataDir : 'memory';
  console.log(`${config.name} listening on ${server.url} (data: ${where}, ready in ${Math.round(performance.now() - started)} ms)`);
  process.send?.({ ready: config.name, url: server.url });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${config.name} stopping (${signal})`);
    await server.stop();
    await db.destroy();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
