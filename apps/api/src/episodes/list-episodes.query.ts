import { ApiPropertyOptional } from '@nestjs/swagger';
import { STAGES, RAG_RATINGS } from '@frontdoor/pathway';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PaginationQuery } from '../http/pagination.dto';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListEpisodesQuery extends PaginationQuery {
  @ApiPropertyOptional({ enum: STAGES }) @IsOptional() @IsIn(STAGES) stage?: string;
  @ApiPropertyOptional({ enum: RAG_RATINGS }) @IsOptional() @IsIn(RAG_RATINGS) rag?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toBoolean) @IsBoolean({ message: 'overdue must be true or false' }) overdue?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) team?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) workerId?: string;
  /** The queue is of open episodes unless asked otherwise: `open=false` for closed ones, `open=all` for both. */
  @ApiPropertyOptional({ enum: ['true', 'false', 'all'], default: 'true', description: 'open episodes by default; all for open and closed' })
  @IsOptional()
  @Transform(({ value }) => (value === 'all' ? 'all' : toBoolean({ value })))
  @IsIn([true, false, 'all'], { message: 'open must be true, false or all' })
  open: boolean | 'all' = true;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'householdId must be a UUID' }) householdId?: string;
}
