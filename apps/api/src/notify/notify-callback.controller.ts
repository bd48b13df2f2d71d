import { Body, Controller, Headers, HttpCode, Inject, Post, UnauthorizedException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@frontdoor/auth';
import { ENVIRONMENT, type Environment } from '@frontdoor/config';
import { FrontDoorError, SettleProviderReceipt } from '@frontdoor/engine';
import { isAuthorisedNotifyCallback, readNotifyCallback } from '@frontdoor/notifications';

/**
 * GOV.UK Notify's delivery-status callbacks. Notify authenticates with the bearer token the
 * service gave it (NOTIFY_CALLBACK_TOKEN), not a user's JWT, so this route checks that itself.
 */
@ApiTags('Operations')
@Controller('api/v1/notify/callbacks')
export class NotifyCallbackController {
  constructor(
    private readonly settle: SettleProviderReceipt,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  @Post()
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'GOV.UK Notify delivery receipts (bearer NOTIFY_CALLBACK_TOKEN)' })
  async receive(@Headers('authorization') authorization: string | undefined, @Body() body: unknown): Promise<void> {
    if (!isAuthorisedNotifyCallback(authorization, this.env.messaging.notifyCallbackToken)) {
      throw new UnauthorizedException('This callback needs the token Front Door gave GOV.UK Notify.');
    }
    const receipt = readNotifyCallback(body);
    if (!receipt) throw FrontDoorError.invalid([{ field: 'body', message: 'is not a GOV.UK Notify delivery receipt' }]);
    if (receipt.outcome === 'pending') return;
    await this.settle.execute(receipt.idempotencyKey, receipt.outcome, receipt.reason, receipt.at);
  }
}
