import type { EpisodeContext } from '../context';
import { approved, childSeen, episodeInput, inStrategyDiscussion, onPlan } from '../machine/pathway-test-fixtures';
import { startEpisode } from '../machine/run-pathway';
import { validateEvent } from './validate-event';

/** A fresh episode received on Monday 2 March 2026 at 09:00, its latest step then. */
function episode(overrides: Partial<EpisodeContext> = {}): EpisodeContext {
  return { ...startEpisode(episodeInput()).context, ...overrides };
}

const NOW = new Date('2026-03-10T12:00:00.000Z');

function errorsOf(raw: unknown, context = episode(), now = NOW) {
  const result = validateEvent(raw, context, now);
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.event)}`);
  return result.errors;
}

describe('validating the events people send', () => {
  it('names every bad field at once', () => {
    expect(
      errorsOf({
        type: 'PROPOSE_DECISION',
        outcome: 'maybe',
        thresholdLevel: 7,
        rationale: '',
        feedbackForReferrer: 42,
        primaryNeed: 'N11',
      }),
    ).toEqual([
      { field: 'outcome', message: 'must be one of: nfa, family_help, assessment, strategy_discussion' },
      { field: 'thresholdLevel', message: 'must be a whole number from 1 to 4' },
      { field: 'rationale', message: 'must not be empty' },
      { field: 'feedbackForReferrer', message: 'must be a string' },
      { field: 'primaryNeed', message: 'must be one of: N0, N1, N2, N3, N4, N5, N6, N7, N8, N9' },
    ]);
  });

  it('refuses a field the event does not have', () => {
    expect(errorsOf({ type: 'RATE', rag: 'amber', rationale: 'r', extra: 1, checkId: 'x' })).toEqual([
      { field: 'extra', message: 'is not allowed' },
      { field: 'checkId', message: 'is not allowed' },
    ]);
  });

  it('names the event types a person may send when the type is wrong or internal', () => {
    const [error] = errorsOf({ type: 'RESPOND_AGENCY_CHECK', checkId: 'c' });
    expect(error.field).toBe('type');
    expect(error.message).toMatch(/^must be one of: SCREEN, RATE, .*, CLOSE, AMEND_RECORD$/);
    expect(errorsOf('SCREEN')).toEqual([{ field: 'body', message: 'must be a JSON object' }]);
  });

  it('returns a valid event without the fields it was not given', () => {
    expect(validateEvent({ type: 'SCREEN', outcome: 'concern', note: null }, episode(), NOW)).toEqual({
      ok: true,
      event: { type: 'SCREEN', outcome: 'concern' },
    });
  });

  it('asks for what each screening outcome needs, and only that', () => {
    expect(errorsOf({ type: 'SCREEN', outcome: 'duplicate' })).toEqual([
      { field: 'duplicateOfContactId', message: 'is required when outcome is duplicate' },
    ]);
    expect(errorsOf({ type: 'SCREEN', outcome: 'duplicate', duplicateOfContactId: 'FD-2026-000123' })).toEqual([
      { field: 'duplicateOfContactId', message: 'must be a UUID' },
    ]);
    expect(errorsOf({ type: 'SCREEN', outcome: 'redirect' })).toEqual([
      { field: 'redirectedTo', message: 'is required when outcome is redirect' },
    ]);
    expect(errorsOf({ type: 'SCREEN', outcome: 'concern', redirectedTo: 'Housing' })).toEqual([
      { field: 'redirectedTo', message: 'is only allowed when outcome is redirect' },
    ]);
  });

  it('needs signposting for a no further action decision', () => {
    expect(
      errorsOf({ type: 'PROPOSE_DECISION', outcome: 'nfa', thresholdLevel: 1, rationale: 'r', feedbackForReferrer: 'f' }),
    ).toEqual([{ field: 'signposting', message: 'is required when outcome is nfa' }]);
  });

  it('keeps a child at immediate risk red', () => {
    expect(errorsOf({ type: 'RATE', rag: 'amber', rationale: 'r' }, episode({ immediateRisk: true }))).toEqual([
      { field: 'rag', message: 'must be red: the contact says the child is at immediate risk' },
    ]);
    expect(validateEvent({ type: 'RATE', rag: 'red', rationale: 'r' }, episode({ immediateRisk: true }), NOW).ok).toBe(true);
  });

  it('limits text to 5000 characters and names and ids to 200', () => {
    expect(errorsOf({ type: 'RETURN_DECISION', reason: 'x'.repeat(5001) })).toEqual([
      { field: 'reason', message: 'must be at most 5000 characters' },
    ]);
    expect(errorsOf({ type: 'ALLOCATE', workerId: 'w'.repeat(201) })).toEqual([
      { field: 'workerId', message: 'must be at most 200 characters' },
      { field: 'team', message: 'is required' },
    ]);
  });

  it('refuses a time in the future', () => {
    expect(errorsOf({ type: 'RECORD_CHILD_SEEN', seenAt: '2026-03-10T12:00:01Z', seenAlone: true })).toEqual([
      { field: 'seenAt', message: 'must not be in the future' },
    ]);
  });

  it('refuses a time before the previous step', () => {
    const context = episode({ lastStepAt: '2026-03-05T10:00:00.000Z' });
    expect(errorsOf({ type: 'HOLD_CORE_GROUP', heldAt: '2026-03-05T10:59:59+01:00' }, context)).toEqual([
      { field: 'heldAt', message: 'must not be before the previous step (2026-03-05T10:00:00.000Z)' },
    ]);
    expect(validateEvent({ type: 'HOLD_CORE_GROUP', heldAt: '2026-03-05T11:00:00+01:00' }, context, NOW).ok).toBe(true);
  });

  it('refuses a time without an offset or that does not exist', () => {
    expect(errorsOf({ type: 'CLOSE', closedAt: '2026-03-05T10:00:00', reason: 'RC1' })).toEqual([
      { field: 'closedAt', message: 'must be an ISO 8601 date and time with an offset, e.g. 2026-11-20T09:15:00Z' },
    ]);
    expect(errorsOf({ type: 'CLOSE', closedAt: '2026-02-30T10:00:00Z', reason: 'RC10' })).toEqual([
      { field: 'closedAt', message: 'must be an ISO 8601 date and time with an offset, e.g. 2026-11-20T09:15:00Z' },
      { field: 'reason', message: 'must be one of: RC1, RC2, RC3, RC4, RC5, RC6, RC7, RC8, RC9' },
    ]);
  });

  it('requires a reason for delay when the assessment ends past 45 working days', () => {
    const late = new Date('2026-05-20T12:00:00.000Z');
    const assessment = { type: 'COMPLETE_ASSESSMENT', outcome: 'cin_plan', factors: ['3B'], primaryNeed: 'N1' };
    // Due by the end of Thursday 7 May 2026 (45 working days after Monday 2 March).
    expect(validateEvent({ ...assessment, completedAt: '2026-05-07T23:59:00+01:00' }, episode(), late).ok).toBe(true);
    expect(errorsOf({ ...assessment, completedAt: '2026-05-08T09:00:00+01:00' }, episode(), late)).toEqual([
      {
        field: 'reasonForDelay',
        message: 'is required: the assessment was completed 46 working days after the referral, past the 45 working day timescale',
      },
    ]);
    expect(validateEvent({ ...assessment, completedAt: '2026-05-08T09:00:00+01:00', reasonForDelay: 'Family moved' }, episode(), late).ok).toBe(true);
  });

  it('takes CIN assessment factor codes, with 21 (no factors identified) alone', () => {
    const assessment = { type: 'COMPLETE_ASSESSMENT', completedAt: '2026-03-09T10:00:00Z', outcome: 'nfa', primaryNeed: 'N9' };
    expect(errorsOf({ ...assessment, factors: ['21', '3B'] })).toEqual([
      { field: 'factors', message: 'must not list other factors with 21 (no factors identified)' },
    ]);
    expect(errorsOf({ ...assessment, factors: ['3B', '99Z', '3B'] })).toEqual([
      { field: 'factors[1]', message: 'must be a CIN assessment factor code (e.g. 1B, 3A, 21)' },
      { field: 'factors[2]', message: 'repeats 3B' },
    ]);
    expect(errorsOf({ ...assessment, factors: [] })).toEqual([
      { field: 'factors', message: 'must be a non-empty list of CIN assessment factor codes' },
    ]);
  });

  it('asks for what each child protection outcome needs', () => {
    expect(errorsOf({ type: 'HOLD_STRATEGY_DISCUSSION', heldAt: '2026-03-09T10:00:00Z', agencies: ['police', ''], outcome: 'no_s47' })).toEqual([
      { field: 'agencies[1]', message: 'must not be empty' },
      { field: 'nextStep', message: 'is required when outcome is no_s47' },
    ]);
    expect(errorsOf({ type: 'COMPLETE_S47', completedAt: '2026-03-09T10:00:00Z', outcome: 'no_icpc' })).toEqual([
      { field: 'nextStep', message: 'is required when outcome is no_icpc' },
    ]);
    expect(errorsOf({ type: 'HOLD_ICPC', heldAt: '2026-03-09T10:00:00Z', outcome: 'cp_plan', familyGroupConferenceOffered: 'yes' })).toEqual([
      { field: 'category', message: 'is required when outcome is cp_plan' },
      { field: 'familyGroupConferenceOffered', message: 'must be true or false' },
    ]);
    expect(
      validateEvent({ type: 'HOLD_ICPC', heldAt: '2026-03-09T10:00:00Z', outcome: 'no_plan', familyGroupConferenceOffered: false }, episode(), NOW),
    ).toEqual({
      ok: true,
      event: { type: 'HOLD_ICPC', heldAt: '2026-03-09T10:00:00Z', outcome: 'no_plan', familyGroupConferenceOffered: false },
    });
  });

  it('asks the primary need of every decision that leads to further action (DfE rule 8610)', () => {
    const proposal = { type: 'PROPOSE_DECISION', thresholdLevel: 2, rationale: 'r', feedbackForReferrer: 'f' };
    expect(errorsOf({ ...proposal, outcome: 'family_help' })).toEqual([
      { field: 'primaryNeed', message: 'is required when outcome is not nfa (the CIN census needs it for every referral that leads to further action)' },
    ]);
    expect(validateEvent({ ...proposal, outcome: 'family_help', primaryNeed: 'N4' }, episode(), NOW).ok).toBe(true);
    expect(validateEvent({ ...proposal, outcome: 'nfa', signposting: 'Family hub' }, episode(), NOW).ok).toBe(true);
  });

  it('takes RC8 and RC9 only for a case whose statutory work was an assessment (DfE rules 2990, 8825Q)', () => {
    const close = (reason: string) => ({ type: 'CLOSE', closedAt: '2026-03-30T10:00:00Z', reason });
    const late = new Date('2026-04-30T12:00:00Z');
    const assessedForFamilyHelp = childSeen().send({
      type: 'COMPLETE_ASSESSMENT', completedAt: '2026-03-20T10:00:00.000Z', outcome: 'family_help', factors: ['21'], primaryNeed: 'N4',
    });
    expect(validateEvent(close('RC9'), assessedForFamilyHelp.view.context, late).ok).toBe(true);

    expect(errorsOf(close('RC9'), approved('family_help').view.context, late)).toEqual([
      {
        field: 'reason',
        message:
          'RC9 is "case closed after assessment" and only fits a case whose statutory work was an assessment: no assessment was completed in this episode; use RC7 or another reason (DfE rules 2990 and 8825Q)',
      },
    ]);
    const inNeed = childSeen().send({ type: 'COMPLETE_ASSESSMENT', completedAt: '2026-03-20T10:00:00.000Z', outcome: 'cin_plan', factors: ['21'], primaryNeed: 'N4' });
    expect(errorsOf(close('RC8'), inNeed.view.context, late)[0].message).toContain('this episode has a child in need plan');
    const afterS47 = inStrategyDiscussion()
      .send({ type: 'HOLD_STRATEGY_DISCUSSION', heldAt: '2026-03-03T10:00:00.000Z', agencies: ['police'], outcome: 's47' })
      .send({ type: 'COMPLETE_S47', completedAt: '2026-03-09T10:00:00.000Z', outcome: 'no_icpc', nextStep: 'family_help' });
    expect(errorsOf(close('RC9'), afterS47.view.context, late)[0].message).toContain('this episode had a section 47 enquiry');
    expect(validateEvent(close('RC7'), afterS47.view.context, late).ok).toBe(true);
  });

  it('refuses an initial child protection conference dated at a weekend (DfE rule 8875)', () => {
    const icpc = { type: 'HOLD_ICPC', outcome: 'no_plan', familyGroupConferenceOffered: false };
    // Saturday 7 March 2026, and Friday 6 March at 23:30 GMT (still Friday in England).
    expect(errorsOf({ ...icpc, heldAt: '2026-03-07T10:00:00Z' })).toEqual([
      { field: 'heldAt', message: 'must be a weekday: the DfE rejects an initial child protection conference dated at a weekend (rule 8875)' },
    ]);
    expect(validateEvent({ ...icpc, heldAt: '2026-03-06T23:30:00Z' }, episode(), NOW).ok).toBe(true);
  });

  it('refuses to end a child protection plan, or review it, on the day it started (DfE rules 8840, 8841)', () => {
    // The plan started at the ICPC on Monday 30 March 2026, 10:00 BST.
    const plan = onPlan().view.context;
    const late = new Date('2026-04-30T12:00:00Z');
    expect(errorsOf({ type: 'CLOSE', closedAt: '2026-03-30T22:00:00+01:00', reason: 'RC7' }, plan, late)).toEqual([
      {
        field: 'closedAt',
        message:
          'must be after the day the child protection plan started: closing ends the plan, and the DfE rejects a plan that starts and ends on one day (rule 8840)',
      },
    ]);
    expect(errorsOf({ type: 'HOLD_REVIEW_CONFERENCE', heldAt: '2026-03-30T16:00:00+01:00', outcome: 'end' }, plan, late)).toEqual([
      { field: 'heldAt', message: 'must be after the day the child protection plan started: the DfE rejects a review on that day (rule 8841)' },
    ]);
    expect(validateEvent({ type: 'CLOSE', closedAt: '2026-03-31T00:30:00+01:00', reason: 'RC7' }, plan, late).ok).toBe(true);
  });

  it('takes an amendment of census facts with its reason, when the episode has something of the kind to correct', () => {
    expect(errorsOf({ type: 'AMEND_RECORD', reason: 'Audit' })).toEqual([
      { field: 'body', message: 'must amend at least one of: primaryNeed, referralSource, reasonForClosure, assessmentFactors, categoryOfAbuse, disabilities' },
    ]);
    expect(errorsOf({ type: 'AMEND_RECORD', reason: 'Audit', assessmentFactors: ['21'], referralSource: '11' })).toEqual([
      { field: 'referralSource', message: expect.stringMatching(/^must be one of: 1A, 1B/) },
      { field: 'assessmentFactors', message: 'cannot be amended: no assessment has been completed in this episode' },
    ]);
    const closedAfterAssessment = childSeen().send({
      type: 'COMPLETE_ASSESSMENT', completedAt: '2026-03-20T10:00:00.000Z', outcome: 'nfa', factors: ['21'], primaryNeed: 'N9',
    });
    const amendment = { type: 'AMEND_RECORD', reason: 'Miscoded', reasonForClosure: 'RC2', assessmentFactors: ['1B'], disabilities: ['HEAR'] };
    expect(validateEvent(amendment, closedAfterAssessment.view.context, NOW)).toEqual({ ok: true, event: amendment });
  });

  it('needs a worker and a team to allocate, and takes how an involved referrer can reach the worker', () => {
    expect(errorsOf({ type: 'ALLOCATE', workerName: 'Jo', workerPhone: '01225 000000' })).toEqual([
      { field: 'workerId', message: 'is required' },
      { field: 'team', message: 'is required' },
      { field: 'workerPhone', message: 'is not allowed' },
    ]);
    const allocate = { type: 'ALLOCATE', workerId: 'w-1', team: 'North', workerName: 'Jo Bloggs', workerContact: 'jo@example.org' };
    expect(validateEvent(allocate, episode(), NOW)).toEqual({ ok: true, event: allocate });
  });
});
