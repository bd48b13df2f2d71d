import { randomUUID } from 'node:crypto';
import { contactBody } from '../support/front-door-client';
import { sleep } from './fault-kit';

/** Longer than any honest answer takes here; a request still unanswered then is a hang. */
const REQUEST_TIMEOUT_MS = 10_000;
const RETRY_PAUSE_MS = 150;

export interface LoadTokens {
  practitioner: string;
  manager: string;
  /** A police officer referring through the partner system: feedback goes back by webhook. */
  police: string;
}

/** What one attempt at a request came to: an HTTP answer, or no answer and why. */
type Attempt = { status: number; body: Record<string, unknown> } | { failure: 'refused' | 'reset' | 'hang' };

/** A contact the api acknowledged with 201, and what the client went on to do with it. */
export interface AcknowledgedContact {
  id: string;
  episodeId: string;
  plan: ContactPlan;
  /** Events the api answered 200 (or that a retry found already applied), in order. */
  eventsApplied: string[];
  /** Whether its events carry If-Match (half the clients' walks do; the others rely on the api taking the step as the episode stands). */
  pinsVersion: boolean;
}

/**
 * Three kinds of contact, in turn:
 * - `backdated`: logged by a practitioner five days after it arrived and left at screening, so its
 *   acknowledgement and decision deadlines are already due: the worker must fire them;
 * - `by-email`: screened, proposed NFA and signed off; acknowledgement and decision by email;
 * - `by-police`: the same, sent by the police with feedback to their system by webhook.
 */
export type ContactPlan = 'backdated' | 'by-email' | 'by-police';
const PLANS: ContactPlan[] = ['backdated', 'by-email', 'by-police'];

const WALK = [
  { role: 'practitioner', event: { type: 'SCREEN', outcome: 'concern' }, leadsTo: 'triage' },
  {
    role: 'practitioner',
    event: {
      type: 'PROPOSE_DECISION',
      outcome: 'nfa',
      thresholdLevel: 1,
      rationale: 'Internal: nothing here for social care.',
      feedbackForReferrer: 'We do not think this child needs social care involvement: universal services can meet their needs.',
      signposting: 'The school nurse drop-in, Tuesdays 12–2',
    },
    leadsTo: 'awaiting_sign_off',
  },
  { role: 'manager', event: { type: 'APPROVE_DECISION', note: 'Agreed' }, leadsTo: 'closed' },
] as const;

/**
 * Steady load on a Front Door api that may die under it: `clients` closed loops, each creating a
 * contact and walking its episode, as fast as the api answers. Like a careful client, each retries
 * what got no answer or a 503 — a contact with the same Idempotency-Key, an event with the same
 * If-Match — until the api gives a definite answer, so nothing it was told is lost in transit.
 * Every answer is tallied, so a test can say what the api answered while things broke.
 */
export class SteadyLoad {
  readonly acknowledged: AcknowledgedContact[] = [];
  /** How many times each answer was given: '201', '503', 'refused', 'reset', 'hang', … */
  readonly answers = new Map<string, number>();
  /** Every 5xx other than 503, every hang, and every refusal a client did not expect, with what was being done. */
  readonly misbehaviour: string[] = [];
  private stopping = false;
  private loops: Promise<void>[] = [];
  private sequence = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly tokens: LoadTokens,
  ) {}

  start(clients: number): void {
    this.loops = Array.from({ length: clients }, () => this.loop());
  }

  /** Lets every client finish the contact it is on, then returns. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.loops);
  }

  /** How many contacts have been acknowledged so far (for waiting until load is flowing). */
  get contacts(): number {
    return this.acknowledged.length;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      const n = this.sequence++;
      const plan = PLANS[n % PLANS.length];
      try {
        const contact = await this.createContact(n, plan);
        this.acknowledged.push(contact);
        if (plan !== 'backdated') await this.walk(contact);
      } catch (error) {
        // A definite refusal nobody expected: on record for the test, and the client goes on.
        this.misbehaviour.push((error as Error).message);
      }
    }
  }

  private async createContact(n: number, plan: ContactPlan): Promise<AcknowledgedContact> {
    const child = {
      givenName: `Load${n}`,
      familyName: 'Child',
      dateOfBirth: '2015-03-04',
      sex: n % 2 ? 'F' : 'M',
      ethnicity: 'WBRI',
      address: { line1: `${n} Steady Road`, town: 'Trowbridge', postcode: 'BA14 8AA' },
    };
    const fiveDaysAgo = new Date(Date.now() - 5 * 24 * 3600_000).toISOString();
    const body =
      plan === 'by-police'
        ? contactBody({ channel: 'police_notification', children: [child], referrer: { name: 'PC Reed', organisation: 'Police', sourceCode: '6', feedbackChannel: 'webhook' } })
        : contactBody({ children: [child], ...(plan === 'backdated' ? { receivedAt: fiveDaysAgo } : {}) });
    const token = plan === 'by-police' ? this.tokens.police : this.tokens.practitioner;
    const key = randomUUID();
    for (;;) {
      const attempt = await this.send('POST', '/api/v1/contacts', token, body, { 'Idempotency-Key': key });
      if ('failure' in attempt || attempt.status === 503) continue;
      if (attempt.status === 201) {
        const episodes = attempt.body.episodes as { id: string }[];
        return { id: String(attempt.body.id), episodeId: episodes[0].id, plan, eventsApplied: [], pinsVersion: n % 2 === 0 };
      }
      if (attempt.status >= 500) continue; // recorded as misbehaviour by send(); the client tries again
      throw new Error(`contact ${n} refused: ${attempt.status} ${JSON.stringify(attempt.body)}`);
    }
  }

  /**
   * Screens, proposes NFA and signs off. Half the walks send If-Match with the version last seen;
   * the worker moves the version too (recording the acknowledgement's delivery), so a 409 means
   * "look again": if the episode already stands where the event takes it, an attempt that got
   * no answer had applied it; otherwise send it again on the version now current. Walks without
   * If-Match meet a 409 only when an attempt that got no answer had already applied the event.
   */
  private async walk(contact: AcknowledgedContact): Promise<void> {
    let version = 1;
    for (const { role, event, leadsTo } of WALK) {
      const token = this.tokens[role];
      for (;;) {
        const pin: Record<string, string> = contact.pinsVersion ? { 'If-Match': String(version) } : {};
        const attempt = await this.send('POST', `/api/v1/episodes/${contact.episodeId}/events`, token, event, pin);
        if ('failure' in attempt || attempt.status >= 500) continue;
        if (attempt.status === 200) {
          version = Number(attempt.body.version);
          break;
        }
        if (attempt.status !== 409) throw new Error(`${event.type} on ${contact.episodeId} refused: ${attempt.status} ${JSON.stringify(attempt.body)}`);
        const now = await this.episode(contact.episodeId, token);
        version = Number(now.version);
        if (now.stage === leadsTo) break;
        if (!(now.allowedEvents as string[]).includes(event.type)) {
          throw new Error(`${event.type} on ${contact.episodeId} can no longer be sent: ${JSON.stringify(now)}`);
        }
      }
      contact.eventsApplied.push(event.type);
    }
  }

  private async episode(id: string, token: string): Promise<Record<string, unknown>> {
    for (;;) {
      const attempt = await this.send('GET', `/api/v1/episodes/${id}`, token);
      if (!('failure' in attempt) && attempt.status === 200) return attempt.body;
      if (!('failure' in attempt) && attempt.status < 500) throw new Error(`episode ${id}: ${attempt.status} ${JSON.stringify(attempt.body)}`);
    }
  }

  /** One attempt; tallies the answer; pauses before the caller retries one that was not definite. */
  private async send(method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}): Promise<Attempt> {
    let attempt: Attempt;
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      attempt = { status: response.status, body: bodyOf(await response.text()) };
    } catch (error) {
      attempt = { failure: failureOf(error) };
    }
    const answer = 'failure' in attempt ? attempt.failure : String(attempt.status);
    this.answers.set(answer, (this.answers.get(answer) ?? 0) + 1);
    if ('failure' in attempt && attempt.failure === 'hang') this.misbehaviour.push(`${method} ${path}: no answer within ${REQUEST_TIMEOUT_MS} ms`);
    if (!('failure' in attempt) && attempt.status >= 500 && attempt.status !== 503) {
      this.misbehaviour.push(`${method} ${path}: ${attempt.status} ${JSON.stringify(attempt.body)}`);
    }
    if ('failure' in attempt || attempt.status >= 500) await sleep(RETRY_PAUSE_MS);
    return attempt;
  }
}

/** The JSON body, or (an HTML error page, say) the text itself, so a bad answer is still an answer. */
function bodyOf(text: string): Record<string, unknown> {
  try {
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    return { text: text.slice(0, 500) };
  }
}

function failureOf(error: unknown): 'refused' | 'reset' | 'hang' {
  if ((error as Error).name === 'TimeoutError') return 'hang';
  const code = ((error as { cause?: { code?: string } }).cause ?? {}).code;
  return code === 'ECONNREFUSED' ? 'refused' : 'reset';
}
