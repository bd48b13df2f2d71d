import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Requires } from '@frontdoor/auth';
import { ApplyEvent, EpisodeQueries, FrontDoorError } from '@frontdoor/engine';
import { PUBLIC_EVENT_TYPES } from '@frontdoor/pathway';
import { ListEpisodesQuery } from './list-episodes.query';

const episodeId = () => new ParseUUIDPipe({ exceptionFactory: () => FrontDoorError.notFound('Episode') });

/** `If-Match: 4` or `If-Match: "4"` (an ETag-style quoted version). */
function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) throw FrontDoorError.invalid([{ field: 'If-Match', message: 'must be the episode version you read, e.g. 4' }]);
  return Number(match[1]);
}

@ApiTags('Episodes')
@ApiBearerAuth()
@Controller('api/v1/episodes')
export class EpisodesController {
  constructor(
    private readonly queries: EpisodeQueries,
    private readonly applyEvent: ApplyEvent,
  ) {}

  @Get()
  @Requires('episodes.list')
  @ApiOperation({ summary: 'The front-door queue: most urgent first (breached, then soonest due)' })
  list(@CurrentActor() actor: Actor, @Query() query: ListEpisodesQuery) {
    const { page, pageSize, ...filters } = query;
    return this.queries.list(actor, filters, { page, pageSize });
  }

  @Get(':id')
  @Requires('episodes.read')
  @ApiOperation({ summary: 'One child’s episode (read is access-logged)' })
  get(@CurrentActor() actor: Actor, @Param('id', episodeId()) id: string) {
    return this.queries.episode(actor, id);
  }

  @Get(':id/history')
  @Requires('episodes.history')
  @ApiOperation({ summary: 'Every event with actor, time, from-state and to-state' })
  history(@CurrentActor() actor: Actor, @Param('id', episodeId()) id: string) {
    return this.queries.history(actor, id);
  }

  @Post(':id/events')
  @HttpCode(200)
  @Requires('events.send')
  @ApiOperation({ summary: 'Move the episode on: SCREEN, RATE, PROPOSE_DECISION, APPROVE_DECISION, …' })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The version you read; 409 if it changed. Without it the step is taken on the episode as it stands, if still allowed there.',
  })
  @ApiBody({
    description:
      'An event of API.md’s table, with its fields. Front Door addition: ALLOCATE also takes optional `workerName` and ' +
      '`workerContact` (email or phone), shown to a referrer who asked to stay involved. HOLD_ICPC with outcome `no_plan` ' +
      'takes an optional `nextStep` (`child_in_need` by default, `family_help`, `nfa`). PROPOSE_DECISION needs `primaryNeed` ' +
      'for every outcome but `nfa` (CIN census rule 8610). COMPLETE_ASSESSMENT takes optional `disabilities` (CIN census codes ' +
      'NONE, MOB, HAND, PC, INC, COMM, LD, HEAR, VIS, BEH, CON, AUT, DDA; NONE alone). CLOSE refuses RC8/RC9 unless an ' +
      'assessment was all the episode’s statutory work (rules 2990, 8825Q), is not accepted while an assessment is under way ' +
      '(8867), and may not end a child protection plan on the day it began (8840); HOLD_REVIEW_CONFERENCE not on that day either ' +
      '(8841). AMEND_RECORD (manager; Front Door addition) corrects census facts on an open or closed episode: `reason` (why) ' +
      'and at least one of `primaryNeed`, `referralSource`, `reasonForClosure`, `assessmentFactors`, `categoryOfAbuse`, ' +
      '`disabilities`. It is taken beside the chart (history appended, version bumped, state unchanged); the CIN census and ' +
      'Annex A read the latest amendment of each field.',
    schema: {
      type: 'object',
      required: ['type'],
      properties: { type: { type: 'string', enum: [...PUBLIC_EVENT_TYPES] } },
      additionalProperties: true,
    },
  })
  async send(
    @CurrentActor() actor: Actor,
    @Param('id', episodeId()) id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
  ) {
    return this.applyEvent.executeAndShow({ actor, episodeId: id, body, expectedVersion: parseIfMatch(ifMatch) });
  }
}
