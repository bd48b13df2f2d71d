import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Requires } from '@frontdoor/auth';
import { ApplyEvent, EpisodeQueries, FrontDoorError } from '@frontdoor/engine';
import { EVENT_BODY_SCHEMA } from './event-schemas';
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
  @ApiOperation({ summary: 'The front-door queue of open episodes: a child at immediate risk first until screened, then most urgent (breached, then soonest due); each with the child’s name and age, the concern’s first line, the referrer’s organisation and the next deadline' })
  list(@CurrentActor() actor: Actor, @Query() query: ListEpisodesQuery) {
    const { page, pageSize, open, ...filters } = query;
    return this.queries.list(actor, { ...filters, open: open === 'all' ? undefined : open }, { page, pageSize });
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
      'An event of docs/api.md’s table, with its fields: one schema per event type, chosen by `type` (derived from the ' +
      'pathway’s event definitions, as the validation is). Front Door additions are marked in their fields’ descriptions.',
    schema: EVENT_BODY_SCHEMA,
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
