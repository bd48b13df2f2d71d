import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Requires } from '@frontdoor/auth';
import { FrontDoorError, ReferrerView } from '@frontdoor/engine';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PaginationQuery } from '../http/pagination.dto';

export class ContributionDto {
  @ApiProperty({ description: 'What you know that could help the assessment' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  text: string;
}

const contactId = () => new ParseUUIDPipe({ exceptionFactory: () => FrontDoorError.notFound('Referral') });

@ApiTags('Referrers')
@ApiBearerAuth()
@Controller('api/v1/referrals/mine')
export class ReferralsController {
  constructor(private readonly referrals: ReferrerView) {}

  @Get()
  @Requires('referrals.readOwn')
  @ApiOperation({ summary: 'Your referrals, newest first: where each child stands, what was decided and why, and the messages sent to you' })
  list(@CurrentActor() actor: Actor, @Query() page: PaginationQuery) {
    return this.referrals.list(actor, { page: page.page, pageSize: page.pageSize });
  }

  @Get(':contactId')
  @Requires('referrals.readOwn')
  @ApiOperation({ summary: 'One of your referrals' })
  one(@CurrentActor() actor: Actor, @Param('contactId', contactId()) id: string) {
    return this.referrals.one(actor, id);
  }

  @Post(':contactId/contributions')
  @HttpCode(201)
  @Requires('referrals.contribute')
  @ApiOperation({ summary: 'Add what you know to the assessment you asked to be involved in' })
  contribute(@CurrentActor() actor: Actor, @Param('contactId', contactId()) id: string, @Body() body: ContributionDto) {
    return this.referrals.contribute(actor, id, body.text);
  }
}
