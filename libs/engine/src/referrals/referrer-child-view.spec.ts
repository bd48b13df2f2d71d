import type { ContactEntity, EpisodeEntity } from '@frontdoor/persistence';
import { approved, childSeen, TestEpisode } from '../../../pathway/src/machine/pathway-test-fixtures';
import { referrerChildView } from './referrer-child-view';

const contact = (wantsInvolvement: boolean): ContactEntity => ({
  id: 'c1',
  tenant: '865',
  reference: 'FD-2026-000042',
  channel: 'portal',
  receivedAt: new Date('2026-03-02T09:00:00Z'),
  referrer: { name: 'Sam Patel', role: null, organisation: null, sourceCode: '5B', email: null, phone: null, wantsInvolvement, feedbackChannel: 'portal' },
  referrerSub: 'sam',
  createdBy: 'sam',
  concern: { summary: 'Hungry', categories: ['neglect'], immediateRisk: false },
  consent: { obtained: true, reasonIfNot: null },
  householdId: 'h1',
  childrenAsNamed: null,
  createdAt: new Date('2026-03-02T09:00:00Z'),
});
const named = { episodeId: 'e1', givenName: 'Addie', familyName: 'Smyth', dateOfBirth: '2014-05-02', expectedDateOfBirth: null };

function episodeOf(test: TestEpisode): EpisodeEntity {
  return { id: 'e1', machineVersion: 1, snapshot: test.snapshot, stage: test.view.stage, outcome: null } as EpisodeEntity;
}

describe('a referral as its referrer sees it', () => {
  it('gives the decision in the words written for them, never the internal rationale', () => {
    const view = referrerChildView(episodeOf(approved('nfa')), named, contact(false));
    expect(view.decision).toEqual({ outcome: 'nfa', feedbackForReferrer: 'What we decided and why', signposting: 'Family hub drop-in' });
    expect(JSON.stringify(view)).not.toMatch(/Internal rationale|School reports bruising/);
  });

  it('shows the child only as the contact named them', () => {
    const view = referrerChildView(episodeOf(approved('nfa')), named, contact(false));
    expect(view).toMatchObject({ childName: 'Addie', child: { givenName: 'Addie', familyName: 'Smyth', dateOfBirth: '2014-05-02', expectedDateOfBirth: null } });
    expect(referrerChildView(episodeOf(approved('nfa')), null, contact(false))).toMatchObject({ childName: null, child: null });
  });

  it('names the allocated worker only to a referrer who asked to stay involved', () => {
    const seen = episodeOf(childSeen());
    expect(referrerChildView(seen, named, contact(true)).allocatedWorker).toMatchObject({ name: 'Jo Bloggs', team: 'North' });
    expect(referrerChildView(seen, named, contact(false)).allocatedWorker).toBeNull();
  });

  it('gives the assessment outcome in the words written for them', () => {
    const done = childSeen().send({
      type: 'COMPLETE_ASSESSMENT', completedAt: '2026-03-20T10:00:00.000Z', outcome: 'nfa', factors: ['21'], primaryNeed: 'N9', feedbackForReferrer: 'Support is in place.',
    });
    expect(referrerChildView(episodeOf(done), named, contact(true)).assessment).toEqual({
      outcome: 'nfa', feedbackForReferrer: 'Support is in place.', completedAt: '2026-03-20T10:00:00.000Z',
    });
  });
});
