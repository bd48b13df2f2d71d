import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DEADLINE_KINDS } from '@frontdoor/pathway';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PaginationQuery } from '../http/pagination.dto';
import { Actor, CurrentActor, Requires } from '@frontdoor/auth';
import { Clock } from '@frontdoor/config';
import { FrontDoorError } from '@frontdoor/engine';
import { ExceptionReport, IndicatorsReport, parseMarginWorkingDays, parseReportingPeriod, WorkloadReport } from '@frontdoor/reporting';

export class ExceptionsQuery extends PaginationQuery {
  @ApiPropertyOptional({ example: 2, description: 'How many working days ahead counts as amber (0–60, default 2)' }) @IsOptional() @IsString() marginWorkingDays?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) team?: string;
  @ApiPropertyOptional({ enum: DEADLINE_KINDS }) @IsOptional() @IsIn(DEADLINE_KINDS) kind?: string;
  @ApiPropertyOptional({ enum: ['red', 'amber'] }) @IsOptional() @IsIn(['red', 'amber']) rag?: 'red' | 'amber';
}

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
  @ApiOperation({
    summary:
      'RAG exception list: every open deadline breached (red) or due within the margin (amber), most urgent first, a page at a time; counts of the whole list by rating and by kind',
  })
  exceptionsFor(@CurrentActor() actor: Actor, @Query() query: ExceptionsQuery) {
    const margin = parseMarginWorkingDays(query.marginWorkingDays);
    if (!margin.ok) throw FrontDoorError.invalid(margin.problems);
    const { kind, rag, page, pageSize } = query;
    return this.exceptions.runFor(actor, this.clock.now(), margin.marginWorkingDays, team(query.team), { kind, rag, page, pageSize });
  }

  @Get('caseload')
  @Requires('reports.read')
  @ApiOperation({ summary: 'Caseload per worker and team, now' })
  caseloadFor(@CurrentActor() actor: Actor, @Query('team') teamName?: string) {
    return this.workload.run(actor.tenant, { team: team(teamName) });
  }
}
