import { INestApplication } from '@nestjs/common';
import { isAllowed, Permission, TokenVerifier } from '@frontdoor/auth';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { errorBody } from './error-body';

/**
 * The same rule as the global guard, for what is served outside Nest's routing (the OpenAPI
 * document, the queue dashboard): a valid bearer token whose roles hold the permission.
 */
export function bearerGate(app: INestApplication, permission: Permission): RequestHandler {
  const verifier = app.get(TokenVerifier);
  return async (request: Request, response: Response, next: NextFunction) => {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!token) return void response.status(401).json(errorBody(401, 'A bearer token is required.'));
    try {
      const actor = await verifier.verify(token);
      if (!isAllowed(actor, permission)) return void response.status(403).json(errorBody(403, 'Your role may not see this.'));
      next();
    } catch {
      response.status(401).json(errorBody(401, 'The token is not valid.'));
    }
  };
}
