import { readdirSync, readFileSync } from 'node:fs';

/**
 * What the gateway bench reads of the processes it measures, from /proc alone: CPU time (the kernel's
 * counters, which the machine's other load does not distort as it distorts wall-clock time), the resident
 * set, and the processes below a parent (PostgreSQL's server processes below its postmaster).
 */

/** Clock ticks per second of /proc/<pid>/stat's times: 100 on every Linux this runs on. */
const TICK_MS = 10;

interface Stat {
  readonly ppid: number;
  /** utime + stime of the process itself, ms. */
  readonly ownMs: number;
  /** cutime + cstime: its children that ended and were waited for, ms. */
  readonly childrenMs: number;
}

function stat(pid: number): Stat | undefined {
  try {
    // The command name may hold spaces and parentheses; the fields start after its last ')'.
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // After the name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14).
    return {
      ppid: Number(fields[1]),
      ownMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS,
      childrenMs: (Number(fields[13]) + Number(fields[14])) * TICK_MS,
    };
  } catch {
    return undefined;
  }
}

function childrenOf(parent: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (/^\d+$/.test(entry) && stat(Number(entry))?.ppid === parent) children.push(Number(entry));
  }
  return children;
}

/**
 * CPU ms a process tree used so far: the root, its living descendants, and those that ended (counted in
 * their parent's cutime/cstime). A server process PostgreSQL ends during a run moves its whole life's time
 * into the postmaster's children's counter, so such a run counts a little more than it used, never less.
 */
export function treeCpuMs(root: number): number {
  const own = stat(root);
  if (!own) return Number.NaN;
  let total = own.ownMs + own.childrenMs;
  for (const child of childrenOf(root)) {
    const value = treeCpuMs(child);
    if (!Number.isNaN(value)) total += value;
  }
  return total;
}

/** Resident set of a process tree now, MB. */
export function treeRssMb(root: number): number {
  let kb: number;
  try {
    kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${root}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return Number.NaN;
  }
  return kb / 1024 + childrenOf(root).reduce((sum, child) => sum + (treeRssMb(child) || 0), 0);
}

export function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}
