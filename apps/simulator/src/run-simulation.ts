import { AuthoritySettingsRegistry, SettableClock } from '@frontdoor/config';
import { ApplyEvent, CreateContact, DeliverMessage, RecordAcknowledgement } from '@frontdoor/engine';
import type { ChannelRegistry } from '@frontdoor/notifications';
import { Database } from '@frontdoor/persistence';
import type { DataSource } from 'typeorm';
import { FrontDoorSimulator, type SimulationOptions, type SimulationSummary } from './simulator';

/** Builds the real engine's use cases on `dataSource`, with a clock the simulator moves, and runs it. */
export async function runSimulation(dataSource: DataSource, options: SimulationOptions): Promise<SimulationSummary> {
  const db = new Database(dataSource);
  const clock = new SettableClock(options.start);
  const createContact = new CreateContact(db, clock, new AuthoritySettingsRegistry());
  const applyEvent = new ApplyEvent(db, clock);
  const acknowledgements = new RecordAcknowledgement(db, clock, applyEvent);
  // The post's channels are its own, so the simulator and the delivery use case share one clock and one outcome.
  const deliverThrough = (channels: ChannelRegistry) => new DeliverMessage(db, clock, channels, acknowledgements);
  return new FrontDoorSimulator({ db, createContact, applyEvent, deliverThrough }, clock, options).run();
}

/** The summary as a person reads it. */
export function formatSummary(s: SimulationSummary): string {
  const pct = (n: number, d: number) => (d > 0 ? `${Math.round((n / d) * 1000) / 10}%` : '-');
  return [
    `Simulated front door, tenant ${s.tenant}, ${s.from.slice(0, 10)} to ${s.to.slice(0, 10)}`,
    `  contacts            ${s.contacts} (${s.episodes} child episodes, ${s.steps} steps applied, ${s.rejectedSteps} refused)`,
    `  screening           concern ${s.screening.concern}, open case ${s.screening.open_case}, redirect ${s.screening.redirect}, duplicate ${s.screening.duplicate}`,
    `  decisions           NFA ${s.decisions.nfa}, Family Help ${s.decisions.family_help}, assessment ${s.decisions.assessment}, strategy discussion ${s.decisions.strategy_discussion}`,
    `  referrals           ${s.referrals}`,
    `  assessments         ${s.assessmentsCompleted} completed ${JSON.stringify(s.assessmentOutcomes)}; ${s.breaches.assessment} past 45 working days (${pct(s.breaches.assessment, s.assessmentsCompleted)})`,
    `  child protection    ${s.strategyDiscussions} strategy discussions, ${s.s47Enquiries} s47, ${s.icpcs} ICPCs (${s.breaches.icpc} late), ${s.cpPlansStarted} CP plans started, ${s.cpPlansEnded} ended`,
    `  breaches            assessment ${s.breaches.assessment}, strategy discussion ${s.breaches.strategyDiscussion}, ICPC ${s.breaches.icpc}, core group ${s.breaches.coreGroup}, review conference ${s.breaches.reviewConference}`,
    `  closures            ${s.closures} closed with an RC code; ${s.stillOpenAtEnd} steps still pending at the end`,
    `  messages            ${s.messages.delivered} delivered, ${s.messages.failed} failed (bounced or unreachable)`,
    `  amendments          ${s.amendments} records amended by a manager (disabilities the referrer could not give)`,
    `  throughput          ${s.contactsPerSecond} contacts/s, ${s.stepsPerSecond} steps/s (${Math.round(s.elapsedMs / 100) / 10} s)`,
  ].join('\n');
}
