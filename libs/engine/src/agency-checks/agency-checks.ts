import type { Actor } from '@frontdoor/auth';
import { Clock } from '@frontdoor/config';
import { Database } from '@frontdoor/persistence';
import { ApplyEvent } from '../apply-event/apply-event';
import { FrontDoorError } from '../errors/front-door-error';

export type AgencyCheckResponse = { summary: string } | { declined: true; reason: string };

/**
 * The partner agency's side of the MASH: the checks addressed to their own agency, and their
 * answers, which join the child's episode through the engine.
 */
export class AgencyChecks {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly applyEvent: ApplyEvent,
  ) {}

  async openForPartner(actor: Actor, page: { page: number; pageSize: number }) {
    if (!actor.agency) return { items: [], total: 0, ...page };
    const [checks, total] = await this.db.read.agencyChecks.openForAgency(actor.tenant, actor.agency, page);
    const items = checks.map((check) => ({
      id: check.id,
      agency: check.agency,
      question: check.question,
      requestedAt: check.requestedAt.toISOString(),
      dueAt: check.dueAt.toISOString(),
      status: check.status,
    }));
    return { items, total, ...page };
  }

  async respond(actor: Actor, checkId: string, response: AgencyCheckResponse) {
    const check = await this.db.read.agencyChecks.findById(actor.tenant, checkId);
    // Another agency's check is not revealed: 404, as if it did not exist.
    if (!check || check.agency !== actor.agency) throw FrontDoorError.notFound('Agency check');
    if (check.status !== 'requested') {
      // Neutral words: a partner learns nothing of where the child's case has gone since.
      throw new FrontDoorError('event_not_accepted', 'This check is no longer open for an answer.', undefined, []);
    }
    const episode = await this.db.read.episodes.findById(actor.tenant, check.episodeId);
    if (!episode) throw FrontDoorError.notFound('Agency check');
    const now = this.clock.now();
    const declined = 'declined' in response;
    await this.applyEvent.applyInternal(
      actor,
      episode,
      declined
        ? { type: 'RESPOND_AGENCY_CHECK', at: now.toISOString(), checkId, declined: true, reason: response.reason }
        : { type: 'RESPOND_AGENCY_CHECK', at: now.toISOString(), checkId, summary: response.summary },
      { agency: check.agency },
      (stores) =>
        stores.agencyChecks.recordResponse(actor.tenant, checkId, {
          status: declined ? 'declined' : 'returned',
          summary: declined ? null : response.summary,
          declinedReason: declined ? response.reason : null,
          respondedBy: actor.sub,
          respondedAt: now,
        }),
    );
    return { id: checkId, status: declined ? 'declined' : 'returned', respondedAt: now.toISOString() };
  }
}
