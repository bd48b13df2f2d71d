import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Requires } from '@frontdoor/auth';
import { AgencyChecks, FrontDoorError } from '@frontdoor/engine';
import { PaginationQuery } from '../http/pagination.dto';
import { AgencyCheckResponseDto } from './agency-check-response.dto';

@ApiTags('Partner agencies')
@ApiBearerAuth()
@Controller('api/v1/agency-checks')
export class AgencyChecksController {
  constructor(private readonly checks: AgencyChecks) {}

  @Get()
  @Requires('agencyChecks.list')
  @ApiOperation({ summary: 'Open checks addressed to your own agency' })
  list(@CurrentActor() actor: Actor, @Query() page: PaginationQuery) {
    return this.checks.openForPartner(actor, { page: page.page, pageSize: page.pageSize });
  }

  @Post(':id/response')
  @HttpCode(200)
  @Requires('agencyChecks.respond')
  @ApiOperation({ summary: 'Answer a check with a summary, or decline it with a reason' })
  respond(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => FrontDoorError.notFound('Agency check') })) id: string,
    @Body() body: AgencyCheckResponseDto,
  ) {
    const response = body.declined ? { declined: true as const, reason: body.reason! } : { summary: body.summary! };
    return this.checks.respond(actor, id, response);
  }
}
