import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The test database: `INTAKE_TEST_DATABASE_URL`, or the one `.ci/run` creates. */
export const databaseUrl = process.env['INTAKE_TEST_DATABASE_URL'] ?? 'postgres://intake:intake@127.0.0.1:5432/intake_test';

const howToStart = `Start PostgreSQL and create the test role and database, e.g. on Debian (as root):
  apt-get install -y postgresql && pg_ctlcluster 15 main start
  su postgres -c "psql -c \\"CREATE ROLE intake LOGIN PASSWORD 'intake'\\"" && su postgres -c "createdb -O intake intake_test"
(.ci/run does this), or point INTAKE_TEST_DATABASE_URL at another server.`;

/**
 * A pool on the test database. Fails (never skips) when the server cannot be reached, saying how
 * to start one: CI has one, so a missing server is a broken set-up, not a reason to pass.
 */
export async function testPool(max = 10): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max, connectionTimeoutMillis: 5000 });
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(`The PostgreSQL tests need a server at ${databaseUrl.replace(/:[^:@/]*@/, ':***@')}: ${(error as Error).message}\n${howToStart}`, { cause: error });
  }
  return pool;
}

/** A schema of its own for one test file's run (random suffix), so parallel runs do not collide. */
export async function createTestSchema(pool: pg.Pool, prefix: string): Promise<string> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await pool.query(`CREATE SCHEMA "${name}"`);
  return name;
}

export async function dropTestSchema(pool: pg.Pool, name: string): Promise<void> {
  await pool.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
}
