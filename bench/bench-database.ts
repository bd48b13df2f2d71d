import { Client } from 'pg';

export const ADMIN_DATABASE_URL = process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const databaseUrl = (name: string): string => ADMIN_DATABASE_URL.replace(/\/[^/]*$/, `/${name}`);

async function withAdmin<T>(work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** Drops and creates an empty database (names are the bench's own constants, never input). */
export function recreateDatabase(name: string): Promise<void> {
  return withAdmin(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  });
}

export function postgresVersion(): Promise<string> {
  return withAdmin(async (admin) => (await admin.query<{ version: string }>('SELECT version()')).rows[0].version);
}

/**
 * Children already on record before the run, so matching looks up a table of realistic size
 * rather than an empty one. Their NHS numbers (prefix 5) never collide with the bench's (prefix 3).
 */
export async function seedKnownChildren(url: string, tenant: string, count: number): Promise<void> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO children (id, tenant, given_name, family_name, given_name_key, family_name_key, postcode_key,
                             date_of_birth, nhs_number, address, created_at)
       SELECT gen_random_uuid(), $1, 'Known' || i, 'Child' || (i % 997), 'known' || i, 'child' || (i % 997),
              'BA' || (i % 90 + 10) || (i % 9 + 1) || 'AA', date '2008-01-01' + (i % 6000),
              '5' || lpad(i::text, 9, '0'), jsonb_build_object('postcode', 'BA' || (i % 90 + 10) || ' ' || (i % 9 + 1) || 'AA'),
              now() - interval '400 days'
         FROM generate_series(1, $2) AS i`,
      [tenant, count],
    );
    await db.query('ANALYZE');
  } finally {
    await db.end();
  }
}

/**
 * Fresh planner statistics. This server may run with autovacuum off (the bench records it), and
 * plans made while a table was empty — PostgreSQL keeps foreign-key check plans for the life of
 * a connection — would seq-scan it for the rest of the run.
 */
export async function analyse(url: string): Promise<void> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    await db.query('ANALYZE');
  } finally {
    await db.end();
  }
}

export async function serverSetting(name: string): Promise<string> {
  return withAdmin(async (admin) => (await admin.query<{ setting: string }>('SELECT current_setting($1) AS setting', [name])).rows[0].setting);
}
