/**
 * `npm run bench [-- --seconds 10 --warmup 2 --clients 1,8,32 --no-query-count]`
 *
 * Front Door's two hot paths over real HTTP on the real PostgreSQL, beside pgbench -N on the
 * same server as the ceiling; then message delivery beside BullMQ's no-op jobs. Writes bench/results/<timestamp>.json and latest.json. See README.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signDevelopmentToken } from '../libs/auth/src';
import { BENCH_JWT_SECRET } from './api-process';
import { openDatabase } from '../libs/persistence/src/data-source';
import { ApiProcess, ApiSample, startApiProcess } from './api-process';
import { ADMIN_DATABASE_URL, analyse, databaseUrl, postgresVersion, recreateDatabase, seedKnownChildren, serverSetting } from './bench-database';
import { Ceiling, measureCeiling } from './ceiling';
import { readOptions } from './cli-options';
import { ClientsRun, OperationResult, runClosedLoop } from './closed-loop-clients';
import { contactIntake } from './contact-intake';
import { cpuShare, cpuSnapshot, CpuSnapshot, machineBusyOver } from './cpu-usage';
import { episodeEvents, seedEpisodes } from './episode-events';
import { STEPS_PER_FLOW } from './episode-flow';
import { LoopbackHttp, loopbackAddresses } from './loopback-http';
import { machineFacts } from './machine-facts';
import { measureMessageDelivery, MessageDeliveryResult } from './message-delivery';
import { primeWithContacts } from './prime-database';
import { profileSummary } from './profile-summary';
import { messagesTable, resultsTable } from './results-table';
import { ScenarioResult, scenarioResult, topStatements } from './scenario-result';
import { sourceRevision } from './source-revision';
import { SyntheticContacts } from './synthetic-contacts';

const BENCH_DATABASE = 'front_door_bench';
/** The options `npm run bench:reports` runs with (package.json): the README's reporting figures. */
const REPORTS_BENCH_OPTIONS = ['--scale', '0.9', '--jit', 'off', '--child-cohort-months', '12'];
const PGBENCH_DATABASE = 'front_door_pgbench';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const TENANT = 'bench';
const KNOWN_CHILDREN = 20_000;
const PRIMING_CONTACTS = 800;
/** Distinct loopback source addresses for intake (see loopback-http.ts on the per-IP throttle). */
const INTAKE_SOURCE_ADDRESSES = 64;

const log = (line: string) => process.stdout.write(`${line}\n`);
const folder = join(__dirname, 'results');

/** Runs one scenario with CPU, event-loop and query samples taken over its measured window. */
async function measure(
  api: ApiProcess,
  scenario: ScenarioResult['scenario'],
  clients: number,
  options: ReturnType<typeof readOptions>,
  ceiling: Ceiling | null,
  operation: (client: number) => Promise<OperationResult>,
): Promise<{ result: ScenarioResult; sample: ApiSample; run: ClientsRun }> {
  log(`${scenario}, ${clients} client${clients > 1 ? 's' : ''}: ${options.warmupSeconds}s warm-up + ${options.seconds}s …`);
  await analyse(databaseUrl(BENCH_DATABASE)); // what autovacuum would have done by now
  let cpuBefore: CpuSnapshot | null = null;
  let apiFrom = 0;
  const run = await runClosedLoop({
    clients,
    warmupSeconds: options.warmupSeconds,
    seconds: options.seconds,
    operation,
    onMeasureStart: async () => {
      if (options.profileApi) await api.startProfile();
      await api.sample(); // resets the api's counters
      apiFrom = Date.now();
      cpuBefore = cpuSnapshot(BENCH_DATABASE);
    },
  });
  const sample = await api.sample();
  const cpu = cpuShare(cpuBefore, cpuSnapshot(BENCH_DATABASE));
  const result = scenarioResult(scenario, clients, run, ceiling?.tps[clients] ?? null, sample, (Date.now() - apiFrom) / 1000, cpu, options.countQueries);
  if (options.profileApi) {
    const file = join(folder, 'profiles', `${scenario}-${clients}.cpuprofile`);
    mkdirSync(join(folder, 'profiles'), { recursive: true });
    await api.stopProfile(file);
    result.apiCpuProfile = { file, busyCpuByPlace: profileSummary(file) };
  }
  return { result, sample, run };
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const startedAt = new Date();
  const url = databaseUrl(BENCH_DATABASE);
  log(`Front Door bench — clients ${options.clients.join(', ')}; ${options.warmupSeconds}s warm-up + ${options.seconds}s each\n`);

  const busyBeforeStart = await machineBusyOver(1000);
  if (busyBeforeStart !== null && busyBeforeStart > 0.1) {
    log(`Note: the machine was ${Math.round(busyBeforeStart * 100)}% busy before the bench started; figures will be lower than on a quiet machine.\n`);
  }
  await recreateDatabase(BENCH_DATABASE);
  const migrated = await openDatabase({ url, poolSize: 1 });
  await migrated.destroy();
  await seedKnownChildren(url, TENANT, KNOWN_CHILDREN);
  const postgres = await postgresVersion();
  const autovacuum = await serverSetting('autovacuum');

  const ceiling = await measureCeiling({
    adminUrl: ADMIN_DATABASE_URL,
    database: PGBENCH_DATABASE,
    clients: options.clients,
    warmupSeconds: options.warmupSeconds,
    seconds: options.seconds,
    recreate: recreateDatabase,
    log,
  });

  const sign = (role: 'practitioner' | 'manager', sub: string) =>
    signDevelopmentToken(BENCH_JWT_SECRET, { sub, name: sub, roles: [role], tenant: TENANT }, '2h');
  const tokens = { practitioner: await sign('practitioner', 'pat-practitioner'), manager: await sign('manager', 'morgan-manager') };

  const startApi = () => startApiProcess({ databaseUrl: url, redisUrl: REDIS_URL, countQueries: options.countQueries });
  log(`priming: ${PRIMING_CONTACTS} contacts through the api, then ANALYZE and a fresh api …`);
  const primer = await startApi();
  const primingHttp = new LoopbackHttp(primer.port, loopbackAddresses(4, 64));
  try {
    await primeWithContacts(primingHttp, tokens.practitioner, PRIMING_CONTACTS);
  } finally {
    primingHttp.close();
    await primer.close();
  }
  await analyse(url);
  const api = await startApi();
  const intakeHttp = new LoopbackHttp(api.port, loopbackAddresses(1, INTAKE_SOURCE_ADDRESSES));
  const seedHttp = new LoopbackHttp(api.port, loopbackAddresses(2, 64));
  const eventsHttp = new LoopbackHttp(api.port);
  const rows: ScenarioResult[] = [...(ceiling?.rows ?? [])];
  const profile: Record<string, ReturnType<typeof topStatements>> = {};
  const extra: Record<string, unknown> = {};
  let messages: MessageDeliveryResult;
  try {
    await api.sample();
    const intakeRate: Record<number, number> = {};
    for (const [i, clients] of options.clients.entries()) {
      const { result, sample, run } = await measure(api, 'contact-intake', clients, options, ceiling, contactIntake(intakeHttp, tokens.practitioner, clients, i));
      rows.push(result);
      intakeRate[clients] = result.opsPerSecond;
      if (options.countQueries && i === 0) profile[`contact-intake@${clients}`] = topStatements(sample, run.ops + run.errors);
    }

    for (const [i, clients] of options.clients.entries()) {
      // Enough fresh episodes for a guess at the rate (several events per contact's cost), with room.
      const guess = Math.max(100, intakeRate[clients] * 5);
      const needed = Math.ceil(((guess * (options.warmupSeconds + options.seconds + 1)) / STEPS_PER_FLOW) * 1.3) + clients;
      const seedContacts = new SyntheticContacts(0, 20 + i);
      log(`  seeding ${needed} episodes …`);
      const pool = await seedEpisodes(seedHttp, tokens.practitioner, seedContacts, needed);
      const events = episodeEvents({ http: eventsHttp, seedHttp, seedContacts, tokens, pool, clients });
      const { result, sample, run } = await measure(api, 'episode-events', clients, options, ceiling, events.operation);
      if (events.stats.refills > 0) result.notes = [`the episode pool ran dry: ${events.stats.refills} inline refills counted against throughput`];
      rows.push(result);
      if (options.countQueries && i === 0) profile[`episode-events@${clients}`] = topStatements(sample, run.ops + run.errors);
    }
    const workerProfile = options.profileWorker ? join(folder, 'profiles', 'worker-messages.cpuprofile') : undefined;
    messages = await measureMessageDelivery({ database: BENCH_DATABASE, databaseUrl: url, redisUrl: REDIS_URL, http: eventsHttp, seedHttp, tokens, seconds: options.seconds, log, profileFile: workerProfile });
    if (workerProfile) messages.workerCpuProfile = { file: workerProfile, busyCpuByPlace: profileSummary(workerProfile) };
    extra.apiAfter = await api.sample();
  } finally {
    intakeHttp.close();
    seedHttp.close();
    eventsHttp.close();
    await api.close();
  }

  const report = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    options,
    source: sourceRevision(join(__dirname, '..')),
    machine: { ...machineFacts(postgres, ceiling?.tool ?? null), busyBeforeStart, autovacuum },
    notes: [
      'Load generator, api (its own Node process), PostgreSQL and pgbench share this machine; cpu.machineBusy includes anything else running on it.',
      `Intake requests come from ${INTAKE_SOURCE_ADDRESSES} loopback source addresses: the api throttles contacts at 600 a minute per client IP, and this measures the transaction, not the limiter.`,
      `The bench database starts with ${KNOWN_CHILDREN} children and ${PRIMING_CONTACTS} contacts on record in tenant '${TENANT}', and is ANALYZEd before each scenario (autovacuum is ${autovacuum} on this server).`,
      'Ops and latencies count successful answers only; errors are every other answer.',
      options.countQueries
        ? "Query counts come from wrapping the api's pg Client.query and Pool.connect (a few microseconds per statement); --no-query-count turns that off."
        : 'Query counting was off (--no-query-count).',
    ],
    ceiling: ceiling && { tool: ceiling.tool, scale: ceiling.scale, database: ceiling.database, tps: ceiling.tps },
    scenarios: rows,
    messages,
    topStatements: profile,
  };

  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${startedAt.toISOString().replace(/:/g, '-')}.json`);
  const json = `${JSON.stringify(report, null, 2)}\n`;
  writeFileSync(file, json);
  writeFileSync(join(folder, 'latest.json'), json);

  log(`\n${resultsTable(rows)}\n`);
  log(`${messagesTable(messages)}\n`);
  if (!ceiling) log('ceiling: null — pgbench is not installed, so there is no ratio this run.');
  for (const r of rows.filter((row) => row.apiCpuProfile)) {
    const places = r.apiCpuProfile!.busyCpuByPlace.slice(0, 8).map((p) => `${p.place} ${p.share}%`);
    log(`api busy CPU, ${r.scenario}@${r.clients}: ${places.join(', ')}`);
  }
  if (messages.workerCpuProfile) {
    log(`worker busy CPU, messages: ${messages.workerCpuProfile.busyCpuByPlace.slice(0, 8).map((p) => `${p.place} ${p.share}%`).join(', ')}`);
  }
  for (const [scenario, statements] of Object.entries(profile)) {
    log(`Top statements, ${scenario} (per answered request):`);
    for (const s of statements.slice(0, 8)) log(`  ${s.perOp.toFixed(2)}×  ${s.meanMs.toFixed(3)} ms  ${s.statement}`);
  }
  log(`\nResults: ${file}\n         ${join(folder, 'latest.json')}`);
  const failed = rows.some((r) => r.scenario !== 'pgbench -N' && r.errors > 0);
  if (failed) log('\nSome requests failed: see statuses and firstErrors in the JSON.');
  process.exitCode = failed ? 1 : 0;

  if (options.reports) {
    log('\nReports on 1 and 10 years of history (npm run bench:reports; --no-reports skips it) …\n');
    const reports = spawnSync(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'reporting-bench.ts'), ...REPORTS_BENCH_OPTIONS], { stdio: 'inherit' });
    if (reports.status !== 0) process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
