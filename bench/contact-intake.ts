import type { OperationResult } from './closed-loop-clients';
import type { LoopbackHttp } from './loopback-http';
import { SyntheticContacts } from './synthetic-contacts';

/** POST /api/v1/contacts: the whole intake transaction, one varied contact per request. */
export function contactIntake(http: LoopbackHttp, token: string, clients: number, run: number) {
  const contacts = Array.from({ length: clients }, (_, client) => new SyntheticContacts(client, run));
  return async (client: number): Promise<OperationResult> => {
    const answer = await http.post('/api/v1/contacts', token, contacts[client].next());
    return answer.status === 201
      ? { ok: true, status: '201' }
      : { ok: false, status: String(answer.status), detail: answer.body.slice(0, 200) };
  };
}
