import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Requires } from '@frontdoor/auth';
import { CreateContact, EpisodeQueries, FrontDoorError } from '@frontdoor/engine';
import type { Response } from 'express';
import { IntakeThrottlerGuard } from '../http/intake-throttler.guard';
import { CreateContactDto } from './dto/create-contact.dto';

@ApiTags('Contacts')
@ApiBearerAuth()
@Controller('api/v1/contacts')
export class ContactsController {
  constructor(
    private readonly createContact: CreateContact,
    private readonly queries: EpisodeQueries,
  ) {}

  @Post()
  @HttpCode(201)
  @Requires('contacts.create')
  @UseGuards(IntakeThrottlerGuard)
  @ApiOperation({ summary: 'A worry about one or more children arrives at the front door' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key and body returns the first contact' })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateContactDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    if (idempotencyKey !== undefined && (idempotencyKey.length === 0 || idempotencyKey.length > 255)) {
      throw FrontDoorError.invalid([{ field: 'Idempotency-Key', message: 'must be 1 to 255 characters' }]);
    }
    const result = await this.createContact.execute({ actor, input: body, idempotencyKey });
    if (result.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return result.answer;
  }

  @Get(':id')
  @Requires('contacts.read')
  @ApiOperation({ summary: 'A contact with its episodes (read is access-logged)' })
  get(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe({ exceptionFactory: () => FrontDoorError.notFound('Contact') })) id: string) {
    return this.queries.contact(actor, id);
  }
}
