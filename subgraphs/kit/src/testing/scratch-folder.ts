import { accessSync, constants } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where tests keep files nobody needs after the run: memory (`/dev/shm`) where there is one, else the
 * system's temporary folder. The suite's PostgreSQL copies a template database of a thousand small files for
 * every test file and drops it again; on a disk file system that churn of inodes cost a third of the suite's
 * CPU time in the kernel (ext4 looking for a free inode among the recently deleted), in memory it costs next
 * to nothing. `TEST_SCRATCH_DIR` picks another folder.
 */
function scratchRoot(): string {
  const chosen = process.env['TEST_SCRATCH_DIR'];
  if (chosen) return chosen;
  try {
    accessSync('/dev/shm', constants.W_OK | constants.X_OK);
    return '/dev/shm';
  } catch {
    return tmpdir();
  }
}

/** A new empty folder under `scratchRoot()` whose name starts with `prefix`. */
export function scratchFolder(prefix: string): Promise<string> {
  return mkdtemp(join(scratchRoot(), prefix));
}
