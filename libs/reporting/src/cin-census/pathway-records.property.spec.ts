import fc from 'fast-check';
import { buildCinRecords } from './build-cin-records';
import { collectionYear } from './collection-year';
import type { ChildSource } from './episode-source';
import { walkEpisode } from './testing/walk-pathway';
import { validateCinRecords } from './validation-rules';

/**
 * Whatever path a child takes through the pathway, as far as validation and the chart allow it,
 * the census record built from the episode breaks none of the DfE rules Front Door checks, in
 * the year it was referred or the next. Steps fall minutes to months apart, so steps on one day
 * (a plan ended the day it began) are tried as well as long gaps.
 */
const CHILD: ChildSource = { id: 'c-1', dateOfBirth: '2014-05-02', expectedDateOfBirth: null, sex: 'F', upn: null, ethnicity: 'WBRI', disabilities: ['NONE'] };

/**
 * Rules about work left open across a whole census year (an assessment, or an s47 with no
 * conference, open since before 1 April: 8736, 8740) judge the passing of time, not a path: no
 * step breaks them, only the lack of one. The assessment and ICPC deadlines are breached, and on
 * the exception report, long before; the return's problem list names them.
 */
const TIME_NOT_PATH = new Set(['8736', '8740']);

const gap = fc.oneof(fc.integer({ min: 1, max: 240 }), fc.integer({ min: 240, max: 60 * 24 * 3 }), fc.integer({ min: 60 * 24, max: 60 * 24 * 120 }));
const choice = fc.record({ gapMinutes: gap, pick: fc.nat() });
/** Referrals from April 2025 to March 2026, at any minute. */
const receivedAt = fc.integer({ min: Date.parse('2025-04-01T00:00:00Z'), max: Date.parse('2026-03-31T23:00:00Z') }).map((t) => new Date(t - (t % 60_000)).toISOString());

const screened = [{ type: 'SCREEN' }];
const decided = (outcome: string) => [...screened, { type: 'PROPOSE_DECISION', outcome }, { type: 'APPROVE_DECISION' }];
const onPlan = [
  ...decided('strategy_discussion'),
  { type: 'HOLD_STRATEGY_DISCUSSION', outcome: 's47' },
  { type: 'COMPLETE_S47', outcome: 'icpc' },
  { type: 'HOLD_ICPC', outcome: 'cp_plan' },
];
/** Where walks start: anywhere, or after a decision, so every part of the chart is walked often. */
const OPENINGS = { anywhere: [], assessment: decided('assessment'), strategyDiscussion: decided('strategy_discussion'), onPlan };

describe.each(Object.entries(OPENINGS))('every path through the pathway (%s) gives a census record the DfE accepts', (_name, opening) => {
  it('breaks no rule in the year of referral or the next', () => {
    fc.assert(
      fc.property(receivedAt, fc.boolean(), fc.array(choice, { minLength: opening.length + 2, maxLength: opening.length + 20 }), (at, immediateRisk, choices) => {
        const { source, route } = walkEpisode(at, immediateRisk, choices, opening);
        const planStarts = source.steps
          .filter((step) => step.type === 'HOLD_ICPC' && step.payload.outcome === 'cp_plan')
          .map((step) => ({ childId: CHILD.id, startedAt: step.occurredAt }));
        for (const year of [collectionYear(2026), collectionYear(2027)]) {
          const records = buildCinRecords({ children: [CHILD], episodes: [source], planStarts }, year);
          const problems = validateCinRecords(records, year)
            .filter((p) => !TIME_NOT_PATH.has(p.rule))
            .map((p) => `${p.rule}: ${p.message}`);
          if (problems.length > 0) throw new Error(`${year.year}: ${problems.join('; ')}\nafter ${route.join('\n  ')}`);
        }
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
