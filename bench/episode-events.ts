import type { OperationResult } from './closed-loop-clients';
import { decisionFlow, FlowStep } from './episode-flow';
import type { LoopbackHttp } from './loopback-http';
import { SyntheticContacts } from './synthetic-contacts';

/** Children per seeding contact: one request makes several fresh episodes (docs/api.md allows up to 20). */
const CHILDREN_PER_SEED_CONTACT = 5;

export interface Tokens {
  practitioner: string;
  manager: string;
}

/** Fresh episodes at screening, made over HTTP (mostly before the clock starts). */
export async function seedEpisodes(http: LoopbackHttp, token: string, contacts: SyntheticContacts, count: number): Promise<string[]> {
  const ids: string[] = [];
  const worker = async () => {
    while (ids.length < count) {
      const answer = await http.post('/api/v1/contacts', token, contacts.next(CHILDREN_PER_SEED_CONTACT));
      if (answer.status !== 201) throw new Error(`seeding episodes failed: ${answer.status} ${answer.body.slice(0, 300)}`);
      ids.push(...(JSON.parse(answer.body) as { episodes: { id: string }[] }).episodes.map((e) => e.id));
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return ids;
}

/**
 * Each client takes its own episode from the pool and walks it through the decision flow, one
 * event per operation. A refused step abandons that episode (and is counted as an error).
 * Should the pool run dry, a client makes more inline; `refills` says so, since that time
 * counts against throughput.
 */
export function episodeEvents(options: {
  http: LoopbackHttp;
  seedHttp: LoopbackHttp;
  seedContacts: SyntheticContacts;
  tokens: Tokens;
  pool: string[];
  clients: number;
}) {
  const { http, seedHttp, seedContacts, tokens, pool, clients } = options;
  const state = Array.from({ length: clients }, () => ({ episodeId: '', steps: [] as FlowStep[], next: 0 }));
  let flows = 0;
  const stats = { refills: 0 };
  const operation = async (client: number): Promise<OperationResult> => {
    const s = state[client];
    if (s.next >= s.steps.length) {
      if (pool.length === 0) {
        stats.refills += 1;
        pool.push(...(await seedEpisodes(seedHttp, tokens.practitioner, seedContacts, 1)));
      }
      s.episodeId = pool.pop()!;
      s.steps = decisionFlow(flows++);
      s.next = 0;
    }
    const step = s.steps[s.next++];
    const type = String(step.body.type);
    const answer = await http.post(`/api/v1/episodes/${s.episodeId}/events`, tokens[step.role], step.body);
    if (answer.status === 200) return { ok: true, status: '200', label: type };
    s.next = s.steps.length;
    return { ok: false, status: String(answer.status), label: type, detail: `${type}: ${answer.body.slice(0, 200)}` };
  };
  return { operation, stats };
}
