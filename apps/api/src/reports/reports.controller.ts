import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Requires } from '@frontdoor/auth';
import { Clock } from '@frontdoor/config';
import { FrontDoorError } from '@frontdoor/engine';
import { ExceptionReport, IndicatorsReport, parseMarginWorkingDays, parseReportingPeriod, WorkloadReport } from '@frontdoor/reporting';

const team = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim().slice(0, 100) : undefined);

@ApiTags('Managers and auditors')
@ApiBearerAuth()
@Controller('api/v1/reports')
export class ReportsController {
  constructor(
    private readonly indicators: IndicatorsReport,
    private readonly exceptions: ExceptionReport,
    private readonly workload: WorkloadReport,
    private readonly clock: Clock,
  ) {}

  @Get('indicators')
  @Requires('reports.read')
  @ApiOperation({ summary: 'The master set of indicators for the period, beside the previous period; each with numerator and denominator' })
  @ApiQuery({ name: 'from', required: false, example: '2026-10-01', description: 'With to; both omitted: this month, beside the previous month' })
  @ApiQuery({ name: 'to', required: false, example: '2026-10-31' })
  @ApiQuery({ name: 'team', required: false })
  indicatorsFor(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>) {
    const parsed = parseReportingPeriod({ from: query.from, to: query.to }, this.clock.now());
    if (!parsed.ok) throw FrontDoorError.invalid(parsed.problems);
    return this.indicators.run(actor.tenant, parsed.period, team(query.team), parsed.previous);
  }

  @Get('exceptions')
  @Requires('reports.read')
  @ApiOperation({ summary: 'RAG exception list: every open deadline breached (red) or due within the margin (amber), most urgent first' })
  @ApiQuery({ name: 'marginWorkingDays', required: false, example: 2 })
  @ApiQuery({ name: 'team', required: false })
  exceptionsFor(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>) {
    const margin = parseMarginWorkingDays(query.marginWorkingDays);
    if (!margin.ok) throw FrontDoorError.invalid(margin.problems);
    return this.exceptions.runFor(actor, this.clock.now(), margin.marginWorkingDays, team(query.team));
  }

  @Get('caseload')
  @Requires('reports.read')
  @ApiOperation({ summary: 'Caseload per worker and team, now' })
  caseloadFor(@CurrentActor() actor: Actor, @Query('team') teamName?: string) {
    return this.workload.run(actor.tenant, { team: team(teamName) });
  }
}
