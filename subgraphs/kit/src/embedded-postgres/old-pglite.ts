import { stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Until the embedded cluster, each partner kept PGlite files in `./data/<partner>/`. They are no longer
 * read; the launcher names them so that nobody wonders where their data went or why the disk is full.
 */
export async function oldPgliteFolders(dataRoot: string, partners: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const partner of partners) {
    const folder = join(dataRoot, partner);
    if ((await stat(folder).catch(() => undefined))?.isDirectory()) found.push(folder);
  }
  return found;
}
