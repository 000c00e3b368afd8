import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, OptionalNotNull } from '../../common/validators.js';
import { Identified } from '../../common/identified.js';
import { GUARDIAN_RELATIONSHIPS, type GuardianRelationship } from '../../rights/guardian.js';

const PHONE = /^[+0-9][0-9 ()./-]{2,39}$/;
const MRN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const PHONE_MESSAGE = 'must be a phone number: digits, spaces, + ( ) . / - only';

export class GuardianInputDto {
  @ApiProperty({ maxLength: 200, example: 'John Roe' })
  @IsString()
  @Matches(/\S/, { message: 'fullName must not be blank' })
  @MaxLength(200)
  fullName!: string;

  @ApiProperty({
    enum: GUARDIAN_RELATIONSHIPS,
    example: 'parent',
    description: 'How the guardian stands to the patient.',
  })
  @IsIn(GUARDIAN_RELATIONSHIPS)
  relationship!: GuardianRelationship;

  @ApiPropertyOptional({
    type: String,
    format: 'email',
    maxLength: 254,
    nullable: true,
    example: 'john.roe@example.com',
    description: 'This or contactPhone is required while the patient is under 18.',
  })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  contactEmail?: string | null;

  @ApiPropertyOptional({
    type: String,
    pattern: PHONE.source,
    nullable: true,
    example: '+1 555 010 4477',
    description: 'This or contactEmail is required while the patient is under 18.',
  })
  @IsOptional()
  @Matches(PHONE, { message: `contactPhone ${PHONE_MESSAGE}` })
  contactPhone?: string | null;
}

export class CreatePatientDto {
  @ApiProperty({ maxLength: 200, example: 'Jane Roe' })
  @IsString()
  @Matches(/\S/, { message: 'fullName must not be blank' })
  @MaxLength(200)
  fullName!: string;

  @ApiProperty({
    format: 'date',
    example: '1990-04-01',
    description: 'From 1900 on, not in the future. Under 18 today, the patient needs a guardian.',
  })
  @IsCalendarDate()
  dateOfBirth!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'email',
    maxLength: 254,
    nullable: true,
    example: 'jane.roe@example.com',
  })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  contactEmail?: string | null;

  @ApiPropertyOptional({ type: String, pattern: PHONE.source, nullable: true, example: '+1 555 010 2233' })
  @IsOptional()
  @Matches(PHONE, { message: `contactPhone ${PHONE_MESSAGE}` })
  contactPhone?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 500, nullable: true, example: '12 Example Street, Springfield' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  postalAddress?: string | null;

  @ApiPropertyOptional({
    type: String,
    pattern: MRN.source,
    nullable: true,
    example: 'MRN-104233',
    description: "The clinic's medical record number; unique.",
  })
  @IsOptional()
  @Matches(MRN, { message: 'mrn must be letters, digits, . _ - (at most 64)' })
  mrn?: string | null;

  @ApiPropertyOptional({
    type: GuardianInputDto,
    nullable: true,
    description: 'Required for a patient under 18, with contactEmail or contactPhone.',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => GuardianInputDto)
  guardian?: GuardianInputDto | null;
}

/** Every field optional; `null` clears an optional one (a guardian only once the patient is 18). */
export class UpdatePatientDto {
  @ApiPropertyOptional({ maxLength: 200, example: 'Jane Roe-Smith' })
  @OptionalNotNull()
  @IsString()
  @Matches(/\S/, { message: 'fullName must not be blank' })
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'A correction; it changes who may sign the patient’s releases and ends open portal links.',
  })
  @OptionalNotNull()
  @IsCalendarDate()
  dateOfBirth?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'email',
    maxLength: 254,
    nullable: true,
    description: '`null` clears it. A change ends open portal links and sessions.',
  })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  contactEmail?: string | null;

  @ApiPropertyOptional({ type: String, pattern: PHONE.source, nullable: true, description: '`null` clears it.' })
  @IsOptional()
  @Matches(PHONE, { message: `contactPhone ${PHONE_MESSAGE}` })
  contactPhone?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 500, nullable: true, description: '`null` clears it.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  postalAddress?: string | null;

  @ApiPropertyOptional({
    type: String,
    pattern: MRN.source,
    nullable: true,
    description: "The clinic's medical record number; unique. `null` clears it.",
  })
  @IsOptional()
  @Matches(MRN, { message: 'mrn must be letters, digits, . _ - (at most 64)' })
  mrn?: string | null;

  @ApiPropertyOptional({
    type: GuardianInputDto,
    nullable: true,
    description:
      'Replaces the guardian as a whole; `null` removes it, only once the patient is 18. A changed guardian of a ' +
      'minor needs contactEmail or contactPhone.',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => GuardianInputDto)
  guardian?: GuardianInputDto | null;
}

export class PatientSearchQueryDto {
  @ApiPropertyOptional({
    minLength: 2,
    maxLength: 200,
    description:
      'Part of the name, a patient code (P-7KQ2M), a record number, or a birth date (YYYY-MM-DD). Give this or ' +
      'dateOfBirth.',
  })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Birth date, YYYY-MM-DD; narrows a name search.' })
  @IsOptional()
  @IsCalendarDate()
  dateOfBirth?: string;

  @ApiPropertyOptional({ type: 'integer', default: 20, minimum: 1, maximum: 100, description: 'Page size.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({
    type: 'integer',
    default: 0,
    minimum: 0,
    maximum: 10_000,
    description: 'How many matches to skip.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000)
  offset?: number;
}

export class GuardianDto {
  @ApiProperty() @Identified() fullName!: string;
  @ApiProperty({ enum: GUARDIAN_RELATIONSHIPS }) relationship!: GuardianRelationship;
  @ApiProperty({ type: String, format: 'email', nullable: true }) @Identified() contactEmail!: string | null;
  @ApiProperty({ type: String, nullable: true }) @Identified() contactPhone!: string | null;
}

export class CaseSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() procedure!: string;
  @ApiProperty() provider!: string;
  @ApiProperty({ format: 'date' }) treatmentDate!: string;
  @ApiProperty({ type: 'integer' }) photoCount!: number;
}

export class PatientDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'P-7KQ2M', description: 'Pseudonymous code, used wherever identity is not needed.' })
  code!: string;
  @ApiProperty() @Identified() fullName!: string;
  @ApiProperty({ format: 'date' }) @Identified() dateOfBirth!: string;
  @ApiProperty({ type: String, format: 'email', nullable: true }) @Identified() contactEmail!: string | null;
  @ApiProperty({ type: String, nullable: true }) @Identified() contactPhone!: string | null;
  @ApiProperty({ type: String, nullable: true }) @Identified() postalAddress!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The clinic's medical record number." })
  @Identified()
  mrn!: string | null;
  @ApiProperty({ type: GuardianDto, nullable: true, description: 'Recorded for a minor; may stay after 18.' })
  @Identified()
  guardian!: GuardianDto | null;
  @ApiProperty({ description: 'Under 18 today.' }) minor!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt!: Date;
}

export class PatientDetailDto extends PatientDto {
  @ApiProperty({ type: [CaseSummaryDto], description: 'Newest treatment date first.' }) cases!: CaseSummaryDto[];
}

export class PatientSearchResultDto {
  @ApiProperty({ type: [PatientDto], description: 'By name, then id.' }) items!: PatientDto[];
  @ApiProperty({ type: 'integer' }) limit!: number;
  @ApiProperty({ type: 'integer' }) offset!: number;
}

export class CreateCaseDto {
  @ApiProperty({ maxLength: 200, example: 'Rhinoplasty' })
  @IsString()
  @Matches(/\S/, { message: 'procedure must not be blank' })
  @MaxLength(200)
  procedure!: string;

  @ApiProperty({ maxLength: 200, example: 'Dr. A. Smith' })
  @IsString()
  @Matches(/\S/, { message: 'provider must not be blank' })
  @MaxLength(200)
  provider!: string;

  @ApiProperty({ format: 'date', example: '2026-03-02' })
  @IsCalendarDate()
  treatmentDate!: string;

  @ApiPropertyOptional({
    type: String,
    maxLength: 2000,
    nullable: true,
    example: 'Follow-up photos at 3 and 6 months.',
    description: 'Free text; shown only to roles allowed identified data.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string | null;
}
