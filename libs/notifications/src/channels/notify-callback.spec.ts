import { isAuthorisedNotifyCallback, readNotifyCallback } from './notify-callback';

const receipt = (status: string) => ({
  id: '740e5834-3a29-46b4-9a6f-16142fde533a',
  reference: 'front-door-message-6f1c2d9e',
  to: 'sam.patel@school.example',
  status,
  created_at: '2025-03-05T11:59:00.000000Z',
  completed_at: '2025-03-05T12:00:00.000000Z',
  sent_at: '2025-03-05T11:59:30.000000Z',
  notification_type: 'email',
  template_id: 'b1b2c3d4-0000-4000-8000-000000000002',
  template_version: 1,
});

describe('readNotifyCallback', () => {
  it('marks a delivered email delivered, found by its idempotency key', () => {
    expect(readNotifyCallback(receipt('delivered'))).toEqual({
      idempotencyKey: 'front-door-message-6f1c2d9e',
      outcome: 'delivered',
      reason: null,
      providerReference: '740e5834-3a29-46b4-9a6f-16142fde533a',
      at: '2025-03-05T12:00:00.000000Z',
    });
  });

  it.each(['permanent-failure', 'temporary-failure', 'technical-failure'])('marks a %s failed, with a reason', (status) => {
    expect(readNotifyCallback(receipt(status))).toMatchObject({ outcome: 'failed', reason: expect.stringMatching(/GOV.UK Notify could not/) });
  });

  it('never carries the recipient’s address on', () => {
    expect(JSON.stringify(readNotifyCallback(receipt('permanent-failure')))).not.toContain('sam.patel');
  });

  it('reads a status Notify is still working on as pending', () => {
    expect(readNotifyCallback(receipt('sending'))).toMatchObject({ outcome: 'pending', reason: null });
  });

  it('returns null for a body it cannot match to a message or does not understand', () => {
    expect(readNotifyCallback({ ...receipt('delivered'), reference: null })).toBeNull();
    expect(readNotifyCallback(receipt('lost-in-the-post'))).toBeNull();
    expect(readNotifyCallback('delivered')).toBeNull();
    expect(readNotifyCallback([receipt('delivered')])).toBeNull();
  });
});

describe('isAuthorisedNotifyCallback', () => {
  it('accepts only the configured bearer token', () => {
    expect(isAuthorisedNotifyCallback('Bearer s3cret-token-for-callbacks', 's3cret-token-for-callbacks')).toBe(true);
    expect(isAuthorisedNotifyCallback('Bearer wrong', 's3cret-token-for-callbacks')).toBe(false);
    expect(isAuthorisedNotifyCallback(undefined, 's3cret-token-for-callbacks')).toBe(false);
    expect(isAuthorisedNotifyCallback('Bearer anything', '')).toBe(false);
  });
});
