import { parseArgs } from 'node:util';
import { readEnvironment, runCommand } from '@frontdoor/config';
import { connectDatabase } from '@frontdoor/persistence';
import { formatSummary, runSimulation } from './run-simulation';

const USAGE = 'usage: npm run simulate -- --months 12 --tenant 865 [--scale 1.0] [--seed 42] [--start 2025-04-01]';

/**
 * `npm run simulate -- --months 12 --tenant 865`: a synthetic period of the front door driven
 * through the real engine (DOMAIN §2 shapes it). Progress on stderr, the summary on stdout.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      months: { type: 'string' },
      tenant: { type: 'string' },
      scale: { type: 'string', default: '1' },
      seed: { type: 'string', default: '42' },
      start: { type: 'string', default: '2025-04-01' },
    },
    strict: true,
  });
  const months = Number(values.months);
  const scale = Number(values.scale);
  const seed = Number(values.seed);
  const start = new Date(`${values.start}T00:00:00Z`);
  if (!values.tenant || !Number.isInteger(months) || months < 1 || !(scale > 0) || !Number.isInteger(seed) || Number.isNaN(start.getTime())) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const env = readEnvironment();
  const connected = await connectDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir, applicationName: 'front-door-simulate' });
  try {
    const summary = await runSimulation(connected.dataSource, {
      tenant: values.tenant,
      months,
      scale,
      seed,
      start,
      onProgress: (p) =>
        process.stderr.write(
          `simulate: ${p.simulatedAt.toISOString().slice(0, 16)}  ${p.contacts} contacts, ${p.steps} steps, ` +
            `${Math.round((p.contacts / Math.max(p.elapsedMs, 1)) * 10000) / 10} contacts/s\n`,
        ),
    });
    process.stdout.write(`${formatSummary(summary)}\n`);
    return summary.rejectedSteps > 0 ? 1 : 0;
  } finally {
    await connected.close();
  }
}

runCommand(main);
