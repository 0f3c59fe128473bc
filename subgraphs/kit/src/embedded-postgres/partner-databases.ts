import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { HOST } from './cluster.ts';

/** A new password for every partner, made before the cluster is up so the services can start meanwhile. */
export function newPartnerPasswords(partners: readonly string[]): Record<string, string> {
  return Object.fromEntries(partners.map((partner) => [partner, randomBytes(18).toString('base64url')]));
}

/** Where a partner finds its database on the embedded cluster. */
export function partnerUrl(port: number, partner: string, password: string): string {
  return `postgres://${partner}:${encodeURIComponent(password)}@${HOST}:${port}/${partner}`;
}

/**
 * One database and one login role per partner, each role owning only its own database. CONNECT is
 * revoked from PUBLIC on every database, so a partner's role cannot even open another partner's database
 * on the shared cluster. Run on every start: it creates what is missing and sets each role's password
 * anew, so the passwords never have to be stored outside the launcher's memory and the child's env.
 */
export async function preparePartnerDatabases(
  adminUrl: string,
  passwords: Readonly<Record<string, string>>,
): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('REVOKE CONNECT, TEMPORARY ON DATABASE postgres FROM PUBLIC');
    for (const [partner, password] of Object.entries(passwords)) {
      const role = client.escapeIdentifier(partner);
      const roleExists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [partner])).rowCount === 1;
      await client.query(
        `${roleExists ? 'ALTER' : 'CREATE'} ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${client.escapeLiteral(password)}`,
      );
      const databaseExists =
        (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [partner])).rowCount === 1;
      if (!databaseExists) await client.query(`CREATE DATABASE ${role} OWNER ${role}`);
      await client.query(`REVOKE CONNECT, TEMPORARY ON DATABASE ${role} FROM PUBLIC`);
    }
  } finally {
    await client.end();
  }
}
