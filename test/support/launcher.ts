import { spawn, type ChildProcess } from 'node:child_process';
import { chmod } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { scratchFolder } from '@ip/kit/testing';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A fresh folder for a launcher's `./data`; run as root the cluster runs as the system user postgres, which must enter it. */
export async function freshDataFolder(prefix: string): Promise<string> {
  const folder = await scratchFolder(prefix);
  await chmod(folder, 0o755);
  return folder;
}

export interface Launcher {
  readonly child: ChildProcess;
  /** Everything it printed so far, stdout and stderr together. */
  readonly output: () => string;
  /** Resolves once the output matches; fails if the launcher exits first or after its time (150 s). */
  readonly waitFor: (text: RegExp) => Promise<void>;
  /** Its exit code, once it has exited. */
  readonly exited: Promise<number | null>;
  /** Ctrl-C to its whole process group, as from a terminal. */
  readonly interrupt: () => void;
}

/**
 * What `npm start` (and `npm run start:partner`) run, `scripts/start.mjs` with `args`, in its own process
 * group, so Ctrl-C can be sent to all of it as a terminal would. `waitFor` looks at the output every
 * `pollMs` (a benchmark timing the start looks more often) for at most `timeoutMs`.
 */
export function launch(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  { pollMs = 250, timeoutMs = 150_000 }: { pollMs?: number; timeoutMs?: number } = {},
): Launcher {
  const child = spawn(process.execPath, ['scripts/start.mjs', ...args], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {
    child,
    output: () => output,
    waitFor: async (text) => {
      const started = Date.now();
      while (!text.test(output)) {
        if (child.exitCode !== null || Date.now() - started > timeoutMs) throw new Error(`no "${text}":\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
    },
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
    // A launcher that already ended has no group left to signal; the caller's own error is the one to see.
    interrupt: () => {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGINT');
    },
  };
}
