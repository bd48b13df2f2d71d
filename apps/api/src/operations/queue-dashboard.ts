import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { INestApplication } from '@nestjs/common';
import { FrontDoorQueues } from '@frontdoor/queues';
import { bearerGate } from '../http/bearer-gate';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/** The BullMQ dashboard, for admins only (a bearer token with the admin role). Jobs carry ids, not personal data. */
export function mountQueueDashboard(app: INestApplication): void {
  const queues = app.get(FrontDoorQueues);
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: queues.all.map((queue) => new BullMQAdapter(queue, { readOnlyMode: false })), serverAdapter });

  const dashboard = serverAdapter.getRouter();
  // bull-board serves through an Express app of its own, which would announce itself.
  dashboard.disable?.('x-powered-by');
  app.use(QUEUE_DASHBOARD_PATH, bearerGate(app, 'queues.admin'), dashboard);
}
