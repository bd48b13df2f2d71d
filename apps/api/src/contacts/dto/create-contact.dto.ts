import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONCERN_CATEGORIES,
  CONTACT_CHANNELS,
  FEEDBACK_CHANNELS,
  isValidNhsNumber,
  normaliseNhsNumber,
} from '@frontdoor/engine';
import { DISABILITY_CODES, REFERRAL_SOURCE_CODES } from '@frontdoor/pathway';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Validate,
  ValidateIf,
  ValidateNested,
  ValidatorConstraint,
  ValidatorConstraintInterface,
  ValidationArguments,
} from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@ValidatorConstraint({ name: 'nhsNumber' })
class NhsNumberCheck implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isValidNhsNumber(normaliseNhsNumber(value));
  }
  defaultMessage(): string {
    return 'must be a valid NHS number (10 digits with a correct modulus-11 check digit)';
  }
}

@ValidatorConstraint({ name: 'realDate' })
class RealDate implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || !DATE.test(value)) return false;
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }
  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be a real date in the form YYYY-MM-DD`;
  }
}

export class AddressDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) line1?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) town?: string | null;
  @ApiPropertyOptional({ example: 'BA14 8AA' })
  @IsOptional()
  @Matches(/^[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}$/, { message: 'postcode must be a UK postcode' })
  postcode?: string | null;
}

export class ChildDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) givenName: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) familyName: string;
  @ApiPropertyOptional({ example: '2014-05-02' })
  @ValidateIf((child: ChildDto) => child.dateOfBirth != null || child.expectedDateOfBirth == null)
  @Validate(RealDate, { message: 'dateOfBirth or expectedDateOfBirth (for an unborn child) is required, as YYYY-MM-DD' })
  dateOfBirth?: string | null;
  @ApiPropertyOptional({ description: 'For an unborn child' })
  @IsOptional()
  @Validate(RealDate)
  expectedDateOfBirth?: string | null;
  @ApiPropertyOptional({ enum: ['F', 'M', 'U'] }) @IsOptional() @IsIn(['F', 'M', 'U', 'X']) sex?: string | null;
  @ApiPropertyOptional({ example: '9434765919' }) @IsOptional() @Validate(NhsNumberCheck) nhsNumber?: string | null;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Z]\d{11}[0-9A-Z]$/, { message: 'upn must be a 13-character unique pupil number' })
  upn?: string | null;
  @ApiPropertyOptional({ example: 'WBRI' }) @IsOptional() @Matches(/^[A-Z]{4}$/, { message: 'ethnicity must be a 4-letter CIN ethnicity code' })
  ethnicity?: string | null;
  @ApiPropertyOptional({
    description:
      'Front Door addition: the child’s disabilities as CIN census codes, when the referrer knows them; NONE (alone) for no disability. ' +
      'Reported in the CIN census and Ofsted Annex A lists 4 and 5.',
    enum: DISABILITY_CODES,
    isArray: true,
    example: ['NONE'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'disabilities must list at least one code (NONE for no disability), or be left out' })
  @ArrayMaxSize(DISABILITY_CODES.length)
  @ArrayUnique({ message: 'disabilities must not repeat a code' })
  @IsIn(DISABILITY_CODES, { each: true, message: `each of disabilities must be a CIN disability code: ${DISABILITY_CODES.join(', ')}` })
  disabilities?: string[] | null;
  @ApiPropertyOptional({ type: AddressDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => AddressDto) address?: AddressDto | null;
}

export class ReferrerDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) role?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) organisation?: string | null;
  @ApiPropertyOptional({ description: 'CIN referral source code (1A–10)', example: '5B' })
  @IsOptional()
  @IsIn(REFERRAL_SOURCE_CODES, { message: `sourceCode must be a CIN referral source code: ${REFERRAL_SOURCE_CODES.join(', ')}` })
  sourceCode?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(320) email?: string | null;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[+\d][\d ()-]{5,30}$/, { message: 'phone must be a telephone number' }) phone?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() wantsInvolvement?: boolean;
  @ApiPropertyOptional({ enum: FEEDBACK_CHANNELS }) @IsOptional() @IsIn(FEEDBACK_CHANNELS) feedbackChannel?: (typeof FEEDBACK_CHANNELS)[number];
}

export class ConcernDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(10000) summary: string;
  @ApiProperty({ enum: CONCERN_CATEGORIES, isArray: true })
  @IsArray()
  @ArrayMaxSize(CONCERN_CATEGORIES.length)
  @IsIn(CONCERN_CATEGORIES, { each: true, message: `each of categories must be one of: ${CONCERN_CATEGORIES.join(', ')}` })
  categories: string[];
  @ApiProperty() @IsBoolean() immediateRisk: boolean;
}

export class ConsentDto {
  @ApiProperty() @IsBoolean() obtained: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) reasonIfNot?: string | null;
}

export class CreateContactDto {
  @ApiProperty({ enum: CONTACT_CHANNELS }) @IsIn(CONTACT_CHANNELS) channel: (typeof CONTACT_CHANNELS)[number];
  @ApiPropertyOptional({ description: 'Practitioners only: when a call, letter or email actually arrived. Not in the future.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'receivedAt must be an ISO 8601 date-time' })
  @Matches(/(Z|[+-]\d{2}:?\d{2})$/, { message: 'receivedAt must carry a time zone offset' })
  receivedAt?: string;
  @ApiProperty({ type: ReferrerDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => ReferrerDto) referrer: ReferrerDto;
  @ApiProperty({ type: [ChildDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'children must name at least one child' })
  @ArrayMaxSize(20, { message: 'children may name at most 20 children' })
  @IsObject({ each: true, message: 'each child must be an object' })
  @ValidateNested({ each: true })
  @Type(() => ChildDto)
  children: ChildDto[];
  @ApiProperty({ type: ConcernDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => ConcernDto) concern: ConcernDto;
  @ApiProperty({ type: ConsentDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => ConsentDto) consent: ConsentDto;
}
