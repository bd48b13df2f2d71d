/** Content as the engine writes it, every fact present, for specs here and in the apps. */
export const REFERENCE = 'FD-2025-00042';

/** Every kind with all of its facts present, as the engine writes them. */
export const FULL_CONTENT: Record<string, Record<string, unknown>> = {
  acknowledgement: { reference: REFERENCE, receivedAt: '2025-03-04T14:15:00.000Z' },
  decision: {
    reference: REFERENCE,
    childName: 'Amira',
    outcome: 'nfa',
    outcomeText: 'No further action by children’s social care',
    feedbackForReferrer: 'Amira’s school and her mum are already working together on her attendance.',
    signposting: 'The school nurse drop-in on Tuesdays, and the Young Minds parents helpline.',
    redirectedTo: null,
  },
  invitation_to_contribute: {
    reference: REFERENCE,
    childName: 'Amira',
    workerName: 'Jo Bloggs',
    team: 'North assessment team',
    workerContact: 'jo.bloggs@council.example',
  },
  assessment_outcome: {
    reference: REFERENCE,
    childName: 'Amira',
    outcome: 'family_help',
    outcomeText: 'Family Help',
    feedbackForReferrer: 'The family have agreed to work with a family practitioner.',
  },
  forward_to_allocated_worker: { reference: REFERENCE, contactId: 'c-1', episodeId: 'e-2', openCaseEpisodeId: 'e-1' },
  agency_check_request: { reference: REFERENCE, contactId: 'c-1', episodeId: 'e-2', checkId: 'k-3' },
  deadline_breached: {
    reference: REFERENCE,
    episodeId: 'e-2',
    kind: 'decision',
    dueAt: '2025-03-05T23:59:59.999Z',
    team: 'North assessment team',
  },
};
