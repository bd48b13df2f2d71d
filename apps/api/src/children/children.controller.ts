import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Requires } from '@frontdoor/auth';
import { EpisodeQueries, FrontDoorError } from '@frontdoor/engine';

@ApiTags('Children')
@ApiBearerAuth()
@Controller('api/v1/children')
export class ChildrenController {
  constructor(private readonly queries: EpisodeQueries) {}

  @Get(':id')
  @Requires('children.read')
  @ApiOperation({
    summary: 'The child’s record: identifiers, episodes, referrals in the last 12 months, earlier CP plans, open episode and worker',
  })
  get(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe({ exceptionFactory: () => FrontDoorError.notFound('Child') })) id: string) {
    return this.queries.child(actor, id);
  }
}
