import type { Actor } from '@frontdoor/auth';
import type { CreatedContact } from './contact-input';
import { contactReceiptFor } from './contact-receipt';

const actor = (roles: Actor['roles']): Actor => ({ sub: 's', name: 'S', roles, tenant: '865', agency: null, email: null, sourceCode: null });

const created: CreatedContact = {
  id: 'c1',
  reference: 'FD-2026-000001',
  receivedAt: '2026-11-23T09:00:00.000Z',
  householdId: 'h1',
  episodes: [{ id: 'e1', childId: 'known-child', stage: 'screening', version: 1, reReferral: true, openCaseEpisodeId: 'e0' }],
};

describe('the answer to a new contact', () => {
  it('tells a referrer only the reference and where each child stands: nothing matching found', () => {
    expect(contactReceiptFor(actor(['referrer']), created)).toEqual({
      id: 'c1',
      reference: 'FD-2026-000001',
      receivedAt: '2026-11-23T09:00:00.000Z',
      episodes: [{ id: 'e1', stage: 'screening' }],
    });
  });

  it('gives staff what matching found', () => {
    expect(contactReceiptFor(actor(['practitioner']), created)).toEqual(created);
    expect(contactReceiptFor(actor(['referrer', 'practitioner']), created)).toEqual(created);
  });
});
