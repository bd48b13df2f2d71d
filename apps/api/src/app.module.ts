import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from '@frontdoor/auth';
import type { Environment } from '@frontdoor/config';
import { EngineModule } from '@frontdoor/engine';
import { Database } from '@frontdoor/persistence';
import { FrontDoorQueues, QueuesModule } from '@frontdoor/queues';
import { ReportingModule } from '@frontdoor/reporting';
import { AccessLogController } from './access-log/access-log.controller';
import { AgencyChecksController } from './agency-checks/agency-checks.controller';
import { ChildrenController } from './children/children.controller';
import { ContactsController } from './contacts/contacts.controller';
import { EpisodesController } from './episodes/episodes.controller';
import { HealthController } from './health/health.controller';
import { DemoMailboxController, InboxController, MessagesController } from './messages/messages.controller';
import { NotifyCallbackController } from './notify/notify-callback.controller';
import { MetricsController } from './operations/metrics.controller';
import { ServiceMetrics } from './operations/service-metrics';
import { PathwayController } from './pathway/pathway.controller';
import { ReferralsController } from './referrals/referrals.controller';
import { ExportsController } from './reports/exports.controller';
import { ReportsController } from './reports/reports.controller';

/**
 * The HTTP api: thin controllers over the engine's use cases. `extraImports` lets the composition
 * root (apps/front-door) run other apps' modules in the same process.
 */
@Module({})
export class AppModule {
  static forRoot(env: Environment, extraImports: DynamicModule[] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: env.logLevel,
            // No personal data or secrets in logs: tokens are redacted; bodies are never logged.
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            customProps: () => ({ service: 'front-door-api' }),
            autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
          },
        }),
        EngineModule.forRoot({ applicationName: 'front-door-api', environment: env }),
        AuthModule.forRoot(env.auth),
        ThrottlerModule.forRoot([{ name: 'intake', ttl: 60_000, limit: env.intakeRateLimitPerMinute }]),
        TerminusModule,
        QueuesModule,
        ReportingModule,
        ...extraImports,
      ],
      controllers: [
        ContactsController,
        EpisodesController,
        ChildrenController,
        PathwayController,
        AgencyChecksController,
        ReferralsController,
        MessagesController,
        InboxController,
        DemoMailboxController,
        ReportsController,
        ExportsController,
        AccessLogController,
        NotifyCallbackController,
        MetricsController,
        HealthController,
      ],
      providers: [
        {
          provide: ServiceMetrics,
          inject: [Database, FrontDoorQueues],
          useFactory: (db: Database, queues: FrontDoorQueues) => new ServiceMetrics(db, queues),
        },
      ],
    };
  }
}
