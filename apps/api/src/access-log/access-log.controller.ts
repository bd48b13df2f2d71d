import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Requires } from '@frontdoor/auth';
import { Clock } from '@frontdoor/config';
import { AccessLogReport } from '@frontdoor/reporting';
import { IsOptional, IsString } from 'class-validator';
import { PaginationQuery } from '../http/pagination.dto';

export class AccessLogQueryDto extends PaginationQuery {
  @ApiPropertyOptional({ description: "Entries about this child: reads of their record, episodes and contacts, exports that held them" })
  @IsOptional()
  @IsString()
  childId?: string;
  @ApiPropertyOptional({ description: 'The person (token subject) who read, searched or exported' }) @IsOptional() @IsString() actor?: string;
  @ApiPropertyOptional({ example: '2026-11-01', description: 'First London day, included' }) @IsOptional() @IsString() from?: string;
  @ApiPropertyOptional({ example: '2026-11-30', description: 'Last London day, included' }) @IsOptional() @IsString() to?: string;
}

@ApiTags('Managers and auditors')
@ApiBearerAuth()
@Controller('api/v1/access-log')
export class AccessLogController {
  constructor(
    private readonly accessLog: AccessLogReport,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Requires('accessLog.read')
  @ApiOperation({ summary: 'Who read a child’s record, searched or exported, and when, newest first (this search is itself logged)' })
  search(@CurrentActor() actor: Actor, @Query() query: AccessLogQueryDto) {
    const { page, pageSize, childId, actor: person, from, to } = query;
    return this.accessLog.run(actor, { childId, actor: person, from, to }, { page, pageSize }, this.clock.now());
  }
}
