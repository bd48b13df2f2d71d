import { parseArgs } from 'node:util';
import { readEnvironment } from '@frontdoor/config';
import { connectDatabase, Database } from '@frontdoor/persistence';
import { CinCensusExport, ReportingInputError } from '@frontdoor/reporting';

const USAGE = 'usage: npm run export:cin -- --year 2026 --tenant 865 > cin.xml';

/**
 * `npm run export:cin -- --year 2026 --tenant 865 > cin.xml`: the CIN census return on stdout;
 * when records break the DfE's rules, what to fix child by child on stderr, and exit 1.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { year: { type: 'string' }, tenant: { type: 'string' } }, strict: true });
  if (!values.year || !values.tenant) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const env = readEnvironment();
  const connected = await connectDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir, applicationName: 'front-door-export' });
  try {
    const result = await new CinCensusExport(new Database(connected.dataSource)).run(values.tenant, values.year, new Date());
    if (result.ok) {
      process.stdout.write(result.xml);
      process.stderr.write(`CIN census ${values.year}: ${result.children} children, ${result.referrals} referrals.\n`);
      return 0;
    }
    process.stderr.write(`The return would break the DfE's rules. Fix these records first:\n`);
    for (const child of result.byChild) process.stderr.write(`${JSON.stringify(child)}\n`);
    return 1;
  } catch (error) {
    if (error instanceof ReportingInputError) {
      process.stderr.write(`${error.details.map((d) => `${d.field} ${d.message}`).join('\n')}\n${USAGE}\n`);
      return 2;
    }
    throw error;
  } finally {
    await connected.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  },
);
