import { ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';

/** `{ "summary": "…" }` or `{ "declined": true, "reason": "…" }`. */
export class AgencyCheckResponseDto {
  @ApiPropertyOptional()
  @ValidateIf((body: AgencyCheckResponseDto) => !body.declined)
  @IsString({ message: 'summary is required unless the check is declined' })
  @IsNotEmpty()
  @MaxLength(10000)
  summary?: string;

  @ApiPropertyOptional() @IsOptional() @Equals(true, { message: 'declined, when given, must be true' }) declined?: true;

  @ApiPropertyOptional()
  @ValidateIf((body: AgencyCheckResponseDto) => body.declined === true)
  @IsString({ message: 'reason is required when declining' })
  @IsNotEmpty()
  @MaxLength(5000)
  reason?: string;
}
