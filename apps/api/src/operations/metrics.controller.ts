import { Controller, Get, Header } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '@frontdoor/auth';
import { ServiceMetrics } from './service-metrics';

@ApiTags('Operations')
@ApiBearerAuth()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: ServiceMetrics) {}

  @Get()
  @Requires('metrics.read')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  @ApiOperation({ summary: 'Prometheus metrics: transitions, deadlines and breaches, messages, delivery latency, queue depth' })
  render() {
    return this.metrics.render();
  }
}
