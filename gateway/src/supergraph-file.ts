import { watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { SupergraphSdlHook } from '@apollo/gateway';

/**
 * Loads the supergraph from a file and reloads it when the file changes, so a new composition rolls out
 * without restarting the gateway. A broken file is refused by the gateway and the old schema stays.
 */
export function supergraphFromFile(path: string): SupergraphSdlHook {
  return async ({ update }) => {
    const supergraphSdl = await readFile(path, 'utf8');
    let timer: NodeJS.Timeout | undefined;
    const watcher = watch(path, () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        readFile(path, 'utf8')
          .then((next) => update(next))
          .then(() => console.log(`gateway: reloaded ${path}`))
          .catch((error: unknown) =>
            console.error(`gateway: kept the previous supergraph, ${path} was refused:`, error),
          );
      }, 200);
    });
    return {
      supergraphSdl,
      cleanup: async () => {
        clearTimeout(timer);
        watcher.close();
      },
    };
  };
}
