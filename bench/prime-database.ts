import type { LoopbackHttp } from './loopback-http';
import { SyntheticContacts } from './synthetic-contacts';

/** Synthetic run number for priming (keeps its children's NHS numbers apart from the scenarios'). */
const PRIMING_RUN = 50;
const PRIMING_CLIENTS = 8;

/**
 * Contacts on record before anything is measured, made through the api itself, so the case
 * tables are not empty when the measured api opens its connections (see analyse()).
 */
export async function primeWithContacts(http: LoopbackHttp, token: string, count: number): Promise<void> {
  let sent = 0;
  const worker = async (client: number) => {
    const contacts = new SyntheticContacts(client, PRIMING_RUN);
    while (sent < count) {
      sent += 1;
      const answer = await http.post('/api/v1/contacts', token, contacts.next());
      if (answer.status !== 201) throw new Error(`priming failed: ${answer.status} ${answer.body.slice(0, 300)}`);
    }
  };
  await Promise.all(Array.from({ length: PRIMING_CLIENTS }, (_, client) => worker(client)));
}
