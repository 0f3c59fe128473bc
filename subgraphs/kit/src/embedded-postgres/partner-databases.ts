import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * One database and one login role per partner, each role owning only its own database. CONNECT is
 * revoked from PUBLIC on every database, so a partner's role cannot even open another partner's database
 * on the shared cluster. Run on every start: it creates what is missing and sets each role's password
 * anew, so the passwords never have to be stored outside the launcher's memory and the child's env.
 * Returns each partner's connection URL.
 */
export async function preparePartnerDatabases(adminUrl: string, partners: readonly string[]): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const urls: Record<string, string> = {};
    await client.query('REVOKE CONNECT, TEMPORARY ON DATABASE postgres FROM PUBLIC');
    for (const partner of partners) {
      const role = client.escapeIdentifier(partner);
      const password = randomBytes(18).toString('base64url');
      const roleExists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [partner])).rowCount === 1;
      await client.query(`${roleExists ? 'ALTER' : 'CREATE'} ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${client.escapeLiteral(password)}`);
      const databaseExists = (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [partner])).rowCount === 1;
      if (!databaseExists) await client.query(`CREATE DATABASE ${role} OWNER ${role}`);
      await client.query(`REVOKE CONNECT, TEMPORARY ON DATABASE ${role} FROM PUBLIC`);
      const url = new URL(adminUrl);
      url.username = partner;
      url.password = password;
      url.pathname = `/${partner}`;
      urls[partner] = url.toString();
    }
    return urls;
  } finally {
    await client.end();
  }
}
