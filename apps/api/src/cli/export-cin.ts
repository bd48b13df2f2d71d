import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readEnvironment, runCommand } from '@frontdoor/config';
import { connectDatabase, Database } from '@frontdoor/persistence';
import { CinCensusExport, ReportingInputError } from '@frontdoor/reporting';

const USAGE = 'usage: npm run -s export:cin -- --year 2026 --tenant 865 [--draft [--problems problems.json]] > cin.xml';

/**
 * `npm run -s export:cin -- --year 2026 --tenant 865 > cin.xml` (`-s`: npm's own banner would
 * otherwise be written into the file): the CIN census return, and nothing else, on stdout; when
 * records break the DfE's rules, what to fix child by child on stderr, and exit 1.
 *
 * `--draft` writes the XML as it stands even so (exit 0), for a return that is still being put
 * right: the problems go to stderr, one child per line, or as JSON to the file `--problems` names.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { year: { type: 'string' }, tenant: { type: 'string' }, draft: { type: 'boolean' }, problems: { type: 'string' } },
    strict: true,
  });
  if (!values.year || !values.tenant || (values.problems && !values.draft)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const env = readEnvironment();
  const connected = await connectDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir, applicationName: 'front-door-export' });
  try {
    const exporter = new CinCensusExport(new Database(connected.dataSource));
    if (values.draft) {
      const draft = await exporter.draft(values.tenant, values.year, new Date());
      process.stdout.write(draft.xml);
      const summary = `DRAFT CIN census ${values.year}: ${draft.children} children, ${draft.referrals} referrals, ${draft.problems.length} problem(s) to fix before it can be sent.`;
      if (values.problems) writeFileSync(values.problems, `${JSON.stringify({ draft: true, problems: draft.problems, byChild: draft.byChild }, null, 2)}\n`);
      else for (const child of draft.byChild) process.stderr.write(`${JSON.stringify(child)}\n`);
      process.stderr.write(`${summary}\n`);
      return 0;
    }
    const result = await exporter.run(values.tenant, values.year, new Date());
    if (result.ok) {
      process.stdout.write(result.xml);
      process.stderr.write(`CIN census ${values.year}: ${result.children} children, ${result.referrals} referrals.\n`);
      return 0;
    }
    process.stderr.write(`The return would break the DfE's rules. Fix these records first (or use --draft):\n`);
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

runCommand(main);
