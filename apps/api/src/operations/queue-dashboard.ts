import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { INestApplication } from '@nestjs/common';
import { isAllowed, TokenVerifier } from '@frontdoor/auth';
import { FrontDoorQueues } from '@frontdoor/engine';
import type { NextFunction, Request, Response } from 'express';
import { errorBody } from '../http/error-body';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/** The BullMQ dashboard, for admins only (a bearer token with the admin role). Jobs carry ids, not personal data. */
export function mountQueueDashboard(app: INestApplication): void {
  const queues = app.get(FrontDoorQueues);
  const verifier = app.get(TokenVerifier);
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: queues.all.map((queue) => new BullMQAdapter(queue, { readOnlyMode: false })), serverAdapter });

  const adminsOnly = async (request: Request, response: Response, next: NextFunction) => {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!token) return response.status(401).json(errorBody(401, 'A bearer token is required.'));
    try {
      const actor = await verifier.verify(token);
      if (!isAllowed(actor, 'queues.admin')) return response.status(403).json(errorBody(403, 'Only admins may use the queue dashboard.'));
      return next();
    } catch {
      return response.status(401).json(errorBody(401, 'The token is not valid.'));
    }
  };
  app.use(QUEUE_DASHBOARD_PATH, adminsOnly, serverAdapter.getRouter());
}
