import { spawn, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';

export interface ServiceSpec {
  readonly name: string;
  /** The JavaScript file Node runs for it (`start.mjs` compiles each service into one). */
  readonly entry: string;
  readonly env: NodeJS.ProcessEnv;
  /**
   * A niceness above 0 lets the others have the CPU first while the system starts (`os.setPriority`);
   * once all are ready it goes back to 0 where the system allows (root may; others keep it).
   */
  readonly niceness?: number;
}

export interface SupervisorOptions {
  readonly cwd: string;
  /** Writes one line of a service's output (or of the supervisor's own, under its name). */
  readonly write: (name: string, line: string, stream: 'out' | 'err') => void;
  /** Called once when every service has said it is ready for the first time. */
  readonly onAllReady: (urls: ReadonlyMap<string, string>) => void;
  /** Called when a service dies before it was ever ready: a start failure, not a crash to ride out. */
  readonly onStartFailure: (name: string) => void;
  readonly firstDelayMs?: number;
  readonly maxDelayMs?: number;
  /** A service that ran this long before dying starts again after the first delay. */
  readonly stableAfterMs?: number;
}

interface Slot {
  readonly spec: ServiceSpec;
  child: ChildProcess | undefined;
  startedAt: number;
  everReady: boolean;
  delayMs: number;
  restarts: number;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Runs services as child processes and keeps them running: one that dies after it was ready is started
 * again after a delay that doubles on every quick death (0.5 s up to 10 s) and falls back to the first
 * delay once it ran a minute; the others keep serving meanwhile. One that dies before it was ever ready
 * is a start failure (a bad setting, a taken port) that no restart would cure.
 */
export function supervise(specs: readonly ServiceSpec[], options: SupervisorOptions) {
  const firstDelayMs = options.firstDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 10_000;
  const stableAfterMs = options.stableAfterMs ?? 60_000;
  const slots = specs.map((spec): Slot => ({
    spec,
    child: undefined,
    timer: undefined,
    startedAt: 0,
    everReady: false,
    delayMs: firstDelayMs,
    restarts: 0,
  }));
  const urls = new Map<string, string>();
  let stopping = false;
  let allReadyAnnounced = false;
  // Services that asked whether their database exists yet (`<PREFIX>_DATABASE_WAIT_FOR_LAUNCHER`).
  let databaseReady = false;
  const waitingForDatabase = new Set<ChildProcess>();
  let onAllStopped: (() => void) | undefined;

  const running = () => slots.filter((slot) => slot.child);

  function launch(slot: Slot): void {
    const child = spawn(process.execPath, [slot.spec.entry], {
      cwd: options.cwd,
      env: slot.spec.env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    slot.child = child;
    slot.startedAt = performance.now();
    if (slot.spec.niceness && !allReadyAnnounced) renice(child, slot.spec.niceness);
    forwardLines(child.stdout!, (line) => options.write(slot.spec.name, line, 'out'));
    forwardLines(child.stderr!, (line) => options.write(slot.spec.name, line, 'err'));
    child.on('message', (message: { url?: string; waiting?: string }) => {
      if (message.waiting === 'database') {
        if (databaseReady) child.send({ database: 'ready' });
        else waitingForDatabase.add(child);
        return;
      }
      if (!message.url) return;
      urls.set(slot.spec.name, message.url);
      if (slot.everReady)
        options.write(slot.spec.name, `back after restart ${slot.restarts}, serving on ${message.url}`, 'out');
      slot.everReady = true;
      if (!allReadyAnnounced && slots.every((each) => each.everReady)) {
        allReadyAnnounced = true;
        for (const each of slots) if (each.spec.niceness && each.child) renice(each.child, 0);
        options.onAllReady(urls);
      }
    });
    child.on('exit', (code, signal) => {
      slot.child = undefined;
      if (stopping) {
        if (running().length === 0) onAllStopped?.();
        return;
      }
      const how = signal ?? `code ${code}`;
      if (!slot.everReady) {
        options.write(slot.spec.name, `exited while starting (${how})`, 'err');
        options.onStartFailure(slot.spec.name);
        return;
      }
      if (performance.now() - slot.startedAt >= stableAfterMs) slot.delayMs = firstDelayMs;
      const delay = slot.delayMs;
      slot.delayMs = Math.min(slot.delayMs * 2, maxDelayMs);
      slot.restarts += 1;
      options.write(
        slot.spec.name,
        `exited unexpectedly (${how}); restarting in ${(delay / 1000).toFixed(1)} s (restart ${slot.restarts}); the other services keep serving`,
        'err',
      );
      slot.timer = setTimeout(() => {
        slot.timer = undefined;
        if (!stopping) launch(slot);
      }, delay);
    });
  }

  for (const slot of slots) launch(slot);

  return {
    /** The databases exist: answers the services that asked, and from now on every one that asks. */
    databaseReady(): void {
      databaseReady = true;
      for (const child of waitingForDatabase) if (child.connected) child.send({ database: 'ready' });
      waitingForDatabase.clear();
    },
    /** The process ids of the services running now, by name. */
    pids(): Record<string, number | undefined> {
      return Object.fromEntries(slots.map((slot) => [slot.spec.name, slot.child?.pid]));
    },
    /** Stops every service (SIGTERM, SIGKILL after `graceMs`) and resolves when all have exited. */
    stop(graceMs = 10_000): Promise<void> {
      stopping = true;
      for (const slot of slots) clearTimeout(slot.timer);
      const alive = running();
      if (alive.length === 0) return Promise.resolve();
      const done = new Promise<void>((resolve) => (onAllStopped = resolve));
      for (const slot of alive) slot.child!.kill('SIGTERM');
      const late = setTimeout(() => running().forEach((slot) => slot.child!.kill('SIGKILL')), graceMs);
      return done.finally(() => clearTimeout(late));
    },
  };
}

function renice(child: ChildProcess, niceness: number): void {
  if (child.pid === undefined) return;
  try {
    setPriority(child.pid, niceness);
  } catch {
    // A system that refuses (the process gone already, a user who may not raise priority) runs it as it is.
  }
}

function forwardLines(stream: NodeJS.ReadableStream, write: (line: string) => void): void {
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) write(line);
  });
  stream.on('end', () => buffered && write(buffered));
}
