import type { ContactEntity } from '@frontdoor/persistence';
import { approved, childSeen } from '../../../pathway/src/machine/pathway-test-fixtures';
import { composeMessage } from './compose-message';

const contact: ContactEntity = {
  id: 'c1',
  tenant: '865',
  reference: 'FD-2026-000042',
  channel: 'portal',
  receivedAt: new Date('2026-03-02T09:00:00Z'),
  referrer: { name: 'Sam Patel', role: null, organisation: 'Youth service', sourceCode: '5B', email: null, phone: null, wantsInvolvement: true, feedbackChannel: 'portal' },
  referrerSub: 'sam',
  createdBy: 'sam',
  concern: { summary: 'Hungry at youth club', categories: ['neglect'], immediateRisk: false },
  consent: { obtained: true, reasonIfNot: null },
  householdId: 'h1',
  childrenAsNamed: [{ episodeId: 'e1', givenName: 'Addie', familyName: 'Smyth', dateOfBirth: '2014-05-02', expectedDateOfBirth: null }],
  createdAt: new Date('2026-03-02T09:00:00Z'),
};
const now = new Date('2026-03-02T12:00:00Z');

describe('what a message tells the referrer', () => {
  it('gives the decision in the words written for them, never the internal rationale', () => {
    const message = composeMessage('decision', { contact, episodeId: 'e1', context: approved('nfa').view.context }, now);
    expect(message.recipient).toMatchObject({ audience: 'referrer', channel: 'portal', address: 'sam' });
    expect(message.content).toEqual({
      reference: 'FD-2026-000042',
      childName: 'Addie',
      outcome: 'nfa',
      feedbackForReferrer: 'What we decided and why',
      signposting: 'Family hub drop-in',
    });
    expect(JSON.stringify(message.content)).not.toContain('Internal rationale');
  });

  it('names the child as the referrer did, and no one when the contact kept no names', () => {
    const context = approved('assessment').view.context;
    expect(composeMessage('decision', { contact, episodeId: 'e1', context }, now).content.childName).toBe('Addie');
    expect(composeMessage('decision', { contact: { ...contact, childrenAsNamed: null }, episodeId: 'e1', context }, now).content.childName).toBeNull();
  });

  it('gives the assessment outcome in the words written for them', () => {
    const context = childSeen()
      .send({ type: 'COMPLETE_ASSESSMENT', completedAt: '2026-03-20T10:00:00.000Z', outcome: 'nfa', factors: [], primaryNeed: 'N9', feedbackForReferrer: 'Support is in place now.' })
      .view.context;
    const message = composeMessage('assessment_outcome', { contact, episodeId: 'e1', context }, now);
    expect(message.content).toEqual({ reference: 'FD-2026-000042', childName: 'Addie', outcome: 'nfa', feedbackForReferrer: 'Support is in place now.' });
  });

  it('carries one idempotency key for the message, made from its own id', () => {
    const message = composeMessage('acknowledgement', { contact, episodeId: null, context: null }, now);
    expect(message.idempotencyKey).toBe(`front-door-message-${message.id}`);
  });
});
