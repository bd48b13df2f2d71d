import { MessageTemplateError, type RenderedMessage } from './message-template';
import { FULL_CONTENT, REFERENCE } from '../testing/message-content.fixture';
import { renderMessage, TEMPLATED_MESSAGE_KINDS } from './render-message';

const text = (message: RenderedMessage) => `${message.subject}\n${message.body}\n${JSON.stringify(message.data)}`;

describe('renderMessage', () => {
  it.each(TEMPLATED_MESSAGE_KINDS.map((kind) => [kind]))('renders a %s message with its reference', (kind) => {
    const message = renderMessage(kind, FULL_CONTENT[kind], { now: new Date('2025-03-06T09:00:00Z') });
    expect(message.subject).toContain(REFERENCE);
    expect(message.body).toContain(REFERENCE);
    expect(message.data.reference).toBe(REFERENCE);
    expect(text(message)).not.toMatch(/undefined|null|NaN|\[object/);
  });

  it.each(TEMPLATED_MESSAGE_KINDS.map((kind) => [kind]))('renders a %s message with nothing but its reference', (kind) => {
    const message = renderMessage(kind, { reference: REFERENCE });
    expect(message.body).toContain(REFERENCE);
    expect(message.data).toEqual({ reference: REFERENCE });
    expect(text(message)).not.toMatch(/undefined|null|NaN|\[object/);
  });

  it('refuses a kind it has no template for', () => {
    expect(() => renderMessage('birthday_card', { reference: REFERENCE })).toThrow(MessageTemplateError);
    expect(() => renderMessage('toString', { reference: REFERENCE })).toThrow(/no template/);
  });

  it('refuses a message with no reference, rather than sending one nobody can follow up', () => {
    expect(() => renderMessage('decision', { childName: 'Amira' })).toThrow(
      expect.objectContaining({ code: 'missing_message_fact' }),
    );
  });

  it('tells the referrer when they will hear, by the end of the next working day', () => {
    // Friday 18 April 2025 is Good Friday and Monday 21 April Easter Monday.
    const message = renderMessage('acknowledgement', { reference: REFERENCE, receivedAt: '2025-04-17T10:05:00Z' });
    expect(message.body).toContain('11:05am on Thursday 17 April 2025');
    expect(message.body).toContain('by the end of the next working day (Tuesday 22 April 2025)');
  });

  it('greets the reader by name when their name is known', () => {
    expect(renderMessage('acknowledgement', { reference: REFERENCE }, { recipientName: 'Sam Patel' }).body).toMatch(/^Dear Sam Patel,/);
    expect(renderMessage('acknowledgement', { reference: REFERENCE }, { recipientName: null }).body).toMatch(/^Hello,/);
  });

  it('gives the front door’s number when it is configured', () => {
    const message = renderMessage('decision', FULL_CONTENT.decision, { frontDoorPhone: '01632 960 123' });
    expect(message.body).toContain('call the front door on 01632 960 123');
    expect(message.body).toContain('call 999');
  });

  describe('the decision', () => {
    it('tells the referrer why the threshold was not met and what else may help', () => {
      const message = renderMessage('decision', FULL_CONTENT.decision);
      expect(message.body).toContain('Our decision: No further action by children’s social care.');
      expect(message.body).toContain('Why we decided this:\nAmira’s school and her mum');
      expect(message.body).toContain('Other support that may help:\nThe school nurse drop-in');
      expect(message.body).toContain('If you are worried about Amira again');
      expect(message.body).toContain('If a child is in immediate danger, call 999.');
      expect(message.data).toMatchObject({ outcome: 'nfa', signposting: expect.stringContaining('school nurse') });
    });

    it('says where a redirected contact was directed', () => {
      const message = renderMessage('decision', {
        reference: REFERENCE,
        childName: null,
        outcome: 'redirected',
        outcomeText: 'Not for children’s social care: directed elsewhere',
        redirectedTo: 'Adult social care',
      });
      expect(message.body).toContain('Where we have directed this: Adult social care.');
      expect(message.body).toContain('the child you referred');
      expect(message.body).toContain('call 999');
    });

    it('puts an outcome in plain words even when the engine recorded only its code', () => {
      const message = renderMessage('decision', { reference: REFERENCE, childName: 'Amira', outcome: 'assessment' });
      expect(message.body).toContain('Our decision: A child and family assessment.');
      expect(message.body).toContain('We will tell you the outcome when it is complete.');
      expect(message.body).not.toContain('Why we decided this');
    });

    it('tells the referrer a contact about an open case went to the child’s social worker', () => {
      const message = renderMessage('decision', { reference: REFERENCE, childName: 'Amira', outcome: 'forwarded' });
      expect(message.body).toContain('Amira already has a social worker');
    });

    it('keeps the child’s name out of the subject line, which shows on lock screens', () => {
      for (const kind of TEMPLATED_MESSAGE_KINDS) {
        expect(renderMessage(kind, FULL_CONTENT[kind]).subject).not.toContain('Amira');
      }
    });
  });

  it('invites an involved referrer with the allocated worker’s name, team and how to reach them', () => {
    const message = renderMessage('invitation_to_contribute', FULL_CONTENT.invitation_to_contribute);
    expect(message.body).toContain('Jo Bloggs from the North assessment team is leading the assessment.');
    expect(message.body).toContain('You can reach Jo Bloggs at jo.bloggs@council.example');
    expect(message.body).toContain('referrer portal');
  });

  it('tells an involved referrer how to reach the worker when no email was recorded', () => {
    const message = renderMessage('invitation_to_contribute', { reference: REFERENCE, workerName: 'Jo Bloggs' });
    expect(message.body).toContain('To reach Jo Bloggs, please contact the front door and quote reference');
  });

  it('tells the referrer the outcome of the assessment', () => {
    const message = renderMessage('assessment_outcome', FULL_CONTENT.assessment_outcome);
    expect(message.body).toContain('The outcome: Family Help.');
    expect(message.body).toContain('Why:\nThe family have agreed');
  });

  it('tells the manager which deadline was breached, when it was due and how late it is', () => {
    const message = renderMessage('deadline_breached', FULL_CONTENT.deadline_breached, {
      now: new Date('2025-03-06T02:30:00Z'),
      recipientName: 'Priya Shah',
    });
    expect(message.subject).toBe(`Deadline missed: decision on next steps (reference ${REFERENCE})`);
    expect(message.body).toContain('due by the end of Wednesday 5 March 2025, and was 2 hours 30 minutes overdue');
    expect(message.body).toContain('Team: North assessment team');
    expect(message.data).toMatchObject({ deadlineKind: 'decision', team: 'North assessment team' });
  });

  it('names an assessment deadline in British Summer Time correctly', () => {
    const message = renderMessage(
      'deadline_breached',
      { reference: REFERENCE, kind: 'assessment', dueAt: '2025-06-30T22:59:59.999Z' },
      { now: new Date('2025-07-03T08:00:00Z') },
    );
    expect(message.body).toContain('The deadline for the child and family assessment');
    expect(message.body).toContain('due by the end of Monday 30 June 2025, and was 2 days 9 hours overdue');
  });

  it('tells the allocated worker about a forwarded contact and the partner agency about a check', () => {
    expect(renderMessage('forward_to_allocated_worker', FULL_CONTENT.forward_to_allocated_worker).body).toContain(
      'Your open episode: e-1',
    );
    expect(renderMessage('agency_check_request', FULL_CONTENT.agency_check_request).body).toContain('Check: k-3');
  });

  it.each([
    ['assessment_outcome', 'outcome'],
    ['decision', 'outcome'],
    ['deadline_breached', 'kind'],
  ] as const)('reads a %s message’s %s only from its own word lists, never from what every object inherits', (kind, field) => {
    for (const inherited of ['valueOf', 'constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const message = renderMessage(kind, { reference: REFERENCE, [field]: inherited }, { now: new Date('2025-03-07T12:00:00Z') });
      expect(text(message)).not.toMatch(/undefined|null|NaN|\[object|function|native code/);
    }
  });
});
