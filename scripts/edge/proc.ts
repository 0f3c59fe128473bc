import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/**
 * What the edge bench reads of the services it probes, from /proc alone: which process listens on a port,
 * how much memory it holds, and a stop/continue that is always undone.
 */

function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let lines: string[];
    try {
      lines = readFileSync(table, 'utf8').trim().split('\n').slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      const fields = line.trim().split(/\s+/);
      const local = fields[1] ?? '';
      // State 0A is LISTEN; the port is the hex after the colon.
      if (fields[3] === '0A' && Number.parseInt(local.split(':')[1] ?? '', 16) === port && fields[9])
        inodes.add(fields[9]);
    }
  }
  return inodes;
}

/** The process listening on `port` (only processes of this user are visible), or undefined. */
export function listeningPid(port: number): number | undefined {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return undefined;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${entry}/fd/${fd}`));
        if (match && inodes.has(match[1]!)) return Number(entry);
      } catch {
        // The fd closed while we looked.
      }
    }
  }
  return undefined;
}

export interface Memory {
  /** Resident set now, MB. */
  readonly rssMb: number;
  /** Peak resident set since the process started, MB. */
  readonly peakMb: number;
}

export function memoryOf(pid: number | undefined): Memory | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

export function portOf(url: string): number {
  const parsed = new URL(url);
  return Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
}

const stopped = new Set<number>();

function resumeAll(): void {
  for (const pid of stopped) {
    try {
      process.kill(pid, 'SIGCONT');
    } catch {
      // Already gone.
    }
  }
  stopped.clear();
}

// A stopped partner must never outlive the bench: resume it on every way out.
process.on('exit', resumeAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    resumeAll();
    process.exit(130);
  });
}
process.on('uncaughtException', (error) => {
  resumeAll();
  console.error(error);
  process.exit(1);
});

/** Stops `pid` (SIGSTOP) and answers a function that resumes it; the process is resumed on exit in any case. */
export function stopProcess(pid: number): () => void {
  stopped.add(pid);
  process.kill(pid, 'SIGSTOP');
  return () => {
    if (!stopped.delete(pid)) return;
    process.kill(pid, 'SIGCONT');
  };
}
