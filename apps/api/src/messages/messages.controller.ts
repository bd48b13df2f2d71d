import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Requires } from '@frontdoor/auth';
import { MessageQueries } from '@frontdoor/engine';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PaginationQuery } from '../http/pagination.dto';

const STATUSES = ['pending', 'queued', 'sent', 'delivered', 'failed'] as const;

export class ListMessagesQuery extends PaginationQuery {
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(60) kind?: string;
}

@ApiTags('Managers and auditors')
@ApiBearerAuth()
@Controller('api/v1/messages')
export class MessagesController {
  constructor(private readonly messages: MessageQueries) {}

  @Get()
  @Requires('messages.read')
  @ApiOperation({ summary: 'Messages and their delivery attempts; a failed message is an exception to act on' })
  list(@CurrentActor() actor: Actor, @Query() query: ListMessagesQuery) {
    const { page, pageSize, status, kind } = query;
    return this.messages.list(actor, { status, kind }, { page, pageSize });
  }
}

@ApiTags('Managers and auditors')
@ApiBearerAuth()
@Controller('api/v1/demo-mailbox')
export class DemoMailboxController {
  constructor(private readonly messages: MessageQueries) {}

  @Get()
  @Requires('demoMailbox.read')
  @ApiOperation({
    summary:
      'The embedded demo only (no DATABASE_URL, no SMTP_URL or Notify): the email Front Door delivered to its demo mailbox, as each recipient would read it. Empty in a real deployment, whose email leaves by SMTP or Notify',
  })
  list(@CurrentActor() actor: Actor, @Query() page: PaginationQuery) {
    return this.messages.demoMailbox(actor, { page: page.page, pageSize: page.pageSize });
  }
}

@ApiTags('Episodes')
@ApiBearerAuth()
@Controller('api/v1/inbox')
export class InboxController {
  constructor(private readonly messages: MessageQueries) {}

  @Get()
  @Requires('inbox.read')
  @ApiOperation({ summary: 'Your staff inbox: contacts forwarded to you as the allocated worker; for managers, breached deadlines' })
  list(@CurrentActor() actor: Actor, @Query() page: PaginationQuery) {
    return this.messages.inbox(actor, { page: page.page, pageSize: page.pageSize });
  }
}
