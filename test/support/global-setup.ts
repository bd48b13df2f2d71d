import { Client } from 'pg';
import { openDatabase } from '../../libs/persistence/src/data-source';
import { TEST_ADMIN_DATABASE_URL, TEST_DATABASE_NAME, TEST_DATABASE_URL } from './test-database';

/**
 * Once per Jest run: a fresh test database with the real migrations applied. Tests isolate
 * themselves by tenant (every query is tenant-scoped), so they share the schema safely.
 */
export default async function globalSetup(): Promise<void> {
  if ((globalThis as { frontDoorDatabaseReady?: boolean }).frontDoorDatabaseReady) return;
  const admin = new Client({ connectionString: TEST_ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEST_DATABASE_NAME} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEST_DATABASE_NAME}`);
  } finally {
    await admin.end();
  }
  const dataSource = await openDatabase({ url: TEST_DATABASE_URL, poolSize: 1 });
  await dataSource.destroy();
  (globalThis as { frontDoorDatabaseReady?: boolean }).frontDoorDatabaseReady = true;
}
