import { PortalChannel } from './portal-channel';

/** Staff inboxes in Front Door (allocated workers, partner agencies, managers): stored is delivered. */
export class StaffChannel extends PortalChannel {
  constructor() {
    super('staff');
  }
}
