import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { ENVIRONMENT, type Environment } from '@frontdoor/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { withEventSchemas } from '../episodes/event-schemas';
import { mountQueueDashboard } from '../operations/queue-dashboard';
import { bearerGate } from './bearer-gate';
import { ErrorFilter } from './error.filter';
import { refuseUnsafeInput } from './refuse-unsafe-input';
import { validationPipe } from './validation.pipe';

/** Largest request body accepted (a contact naming 20 children fits with room to spare). */
export const BODY_LIMIT = '256kb';

function noStore(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Cache-Control', 'no-store');
  next();
}

/** Everything about the HTTP app that is not a route; used by main and by the end-to-end tests. */
export function configureApp(app: INestApplication): INestApplication {
  app.useLogger(app.get(Logger));
  const express = app as NestExpressApplication;
  express.set('trust proxy', app.get<Environment>(ENVIRONMENT).trustProxy);
  express.disable('x-powered-by');
  app.use(helmet());
  // Nothing an api answer holds (a child's record, a queue, a report) may be kept by a browser or a proxy.
  app.use(['/api', '/docs', '/admin'], noStore);
  app.use(json({ limit: BODY_LIMIT }));
  app.use(refuseUnsafeInput);
  app.useGlobalFilters(new ErrorFilter());
  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();
  mountQueueDashboard(app);
  const document = withEventSchemas(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Front Door')
        .setDescription(
          'The workflow engine of an Integrated Front Door / MASH for children’s social care. ' +
            'The contract is explained in docs/api.md in the repository; everything it names is here, and additions are documented here.',
        )
        .setVersion('1')
        .addBearerAuth()
        .build(),
    ),
  );
  // Every route but /health needs a token (docs/api.md), the API description included.
  app.use(['/docs', '/docs-json'], bearerGate(app, 'docs.read'));
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
