import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '@frontdoor/auth';
import { describePathways } from '@frontdoor/pathway';

@ApiTags('The pathway itself')
@ApiBearerAuth()
@Controller('api/v1/pathway')
export class PathwayController {
  @Get()
  @Requires('pathway.read')
  @ApiOperation({ summary: 'The machine definitions in use, with a Mermaid stateDiagram-v2 of each' })
  get() {
    return { machines: describePathways() };
  }
}
