import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Public } from '@frontdoor/auth';
import { ENVIRONMENT, type Environment } from '@frontdoor/config';
import { activeEmbeddedQueueBackend, redisOptionsFromUrl } from '@frontdoor/persistence';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';

@ApiTags('Operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  /** The process is up and serving. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** PostgreSQL answers and the queue's store (Redis, or the embedded backend) is there. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([() => this.database(), () => this.queue()]);
  }

  private async database() {
    const indicator = this.indicators.check('postgres');
    try {
      await this.dataSource.query('SELECT 1');
      return indicator.up();
    } catch {
      return indicator.down({ message: 'PostgreSQL does not answer' });
    }
  }

  private async queue() {
    if (!this.env.redisUrl) {
      const indicator = this.indicators.check('queue');
      return activeEmbeddedQueueBackend() ? indicator.up({ backend: 'embedded' }) : indicator.up({ backend: 'embedded (not started in this process)' });
    }
    const indicator = this.indicators.check('redis');
    const redis = new Redis({ ...redisOptionsFromUrl(this.env.redisUrl), lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
    try {
      await redis.connect();
      await redis.ping();
      return indicator.up();
    } catch {
      return indicator.down({ message: 'Redis does not answer' });
    } finally {
      redis.disconnect();
    }
  }
}
