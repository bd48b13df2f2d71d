import { Controller, Get, Header, HttpStatus, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Requires } from '@frontdoor/auth';
import { Clock } from '@frontdoor/config';
import { AnnexAExport, CinCensusExport, ReportingInputError } from '@frontdoor/reporting';
import type { Response } from 'express';
import { errorBody } from '../http/error-body';

@ApiTags('Managers and auditors')
@ApiBearerAuth()
@Controller('api/v1/exports')
export class ExportsController {
  constructor(
    private readonly cinCensus: CinCensusExport,
    private readonly annexA: AnnexAExport,
    private readonly clock: Clock,
  ) {}

  @Get('cin-census')
  @Requires('exports.read')
  @ApiOperation({
    summary:
      'The CIN census XML for the collection year (year=2026: 1 April 2025 – 31 March 2026); 422 with every problem, child by child, ' +
      'if records break the DfE rules. With draft=true (Front Door addition), for a return still being fixed: always 200 with JSON ' +
      '{ draft: true, xml, children, referrals, problems, byChild } — the XML as it stands beside every problem; not a return to send. ' +
      'Each child in it (or in its problems) is access-logged',
  })
  @ApiQuery({ name: 'year', example: 2026 })
  @ApiQuery({ name: 'draft', required: false, enum: ['true', 'false'], description: 'true: the XML and its problems as JSON, for a return still being fixed' })
  async cin(@CurrentActor() actor: Actor, @Query('year') year: string, @Query('draft') draft: string | undefined, @Res() response: Response) {
    if (draft !== undefined && draft !== 'true' && draft !== 'false') {
      throw new ReportingInputError([{ field: 'draft', message: 'must be true or false' }]);
    }
    if (draft === 'true') {
      response.json(await this.cinCensus.draftFor(actor, year, this.clock.now()));
      return;
    }
    const result = await this.cinCensus.runFor(actor, year, this.clock.now());
    if (!result.ok) {
      response.status(HttpStatus.UNPROCESSABLE_ENTITY).json({
        ...errorBody(422, `The return would break ${result.problems.length} DfE validation rule(s); fix these records first.`),
        problems: result.problems,
        byChild: result.byChild,
      });
      return;
    }
    response.type('application/xml').send(result.xml);
  }

  @Get('annex-a/:list')
  @Requires('exports.read')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: 'Ofsted Annex A list 1–5 as CSV, with Ofsted’s columns (each child listed is access-logged)' })
  @ApiQuery({ name: 'from', example: '2026-04-01' })
  @ApiQuery({ name: 'to', example: '2026-09-30' })
  annex(@CurrentActor() actor: Actor, @Param('list') list: string, @Query('from') from: string, @Query('to') to: string) {
    return this.annexA.runFor(actor, list, from, to, this.clock.now());
  }
}
