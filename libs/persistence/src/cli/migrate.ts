import { readEnvironment } from '@frontdoor/config';
import { openDatabase } from '../data-source';

/** `npm run migration:run`: bring DATABASE_URL's schema up to date (the api and worker also do this at start). */
async function main(): Promise<void> {
  const env = readEnvironment();
  if (!env.databaseUrl) throw new Error('DATABASE_URL is required: the embedded database migrates itself when Front Door starts.');
  const dataSource = await openDatabase({ url: env.databaseUrl, poolSize: 2, applicationName: 'front-door-migrate' });
  const applied = await dataSource.query(`SELECT name FROM schema_migrations ORDER BY id`);
  process.stdout.write(`Schema up to date: ${applied.map((row: { name: string }) => row.name).join(', ')}\n`);
  await dataSource.destroy();
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
