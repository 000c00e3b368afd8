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
import { GUARDIAN_RELATIONSHIPS, type GuardianRelationship } from '../guardian.js';

const PHONE = /^[+0-9][0-9 ()./-]{2,39}$/;
const PHONE_MESSAGE = 'must be a phone number: digits, spaces, + ( ) . / - only';

export class GuardianInputDto {
  @ApiProperty()
  @IsString()
  @Matches(/\S/, { message: 'fullName must not be blank' })
  @MaxLength(200)
  fullName!: string;

  @ApiProperty({ enum: GUARDIAN_RELATIONSHIPS })
  @IsIn(GUARDIAN_RELATIONSHIPS)
  relationship!: GuardianRelationship;

  @ApiPropertyOptional({ description: 'This or contactPhone is required while the patient is under 18.' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  contactEmail?: string | null;

  @ApiPropertyOptional({ description: 'This or contactEmail is required while the patient is under 18.' })
  @IsOptional()
  @Matches(PHONE, { message: `contactPhone ${PHONE_MESSAGE}` })
  contactPhone?: string | null;
}

export class CreatePatientDto {
  @ApiProperty({ example: 'Jane Roe' })
  @IsString()
  @Matches(/\S/, { message: 'fullName must not be blank' })
  @MaxLength(200)
  fullName!: string;

  @ApiProperty({ example: '1990-04-01' })
  @IsCalendarDate()
  dateOfBirth!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  contactEmail?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(PHONE, { message: `contactPhone ${PHONE_MESSAGE}` })
  contactPhone?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  postalAddress?: string | null;

  @ApiPropertyOptional({ description: "The clinic's medical record number; unique." })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'mrn must be letters, digits, . _ - (at most 64)' })
  mrn?: string | null;

  @ApiPropertyOptional({ type: GuardianInputDto, description: 'Required for a patient under 18.' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => GuardianInputDto)
  guardian?: GuardianInputDto | null;
}

/** Every field optional; `null` clears an optional one (a guardian only once the patient is 18). */
export class UpdatePatientDto {
  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  @Matches(/\S/, { message: 'fullName must not be blank' })
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsCalendarDate()
  dateOfBirth?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  contactEmail?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(PHONE, { message: `contactPhone ${PHONE_MESSAGE}` })
  contactPhone?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  postalAddress?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'mrn must be letters, digits, . _ - (at most 64)' })
  mrn?: string | null;

  @ApiPropertyOptional({ type: GuardianInputDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => GuardianInputDto)
  guardian?: GuardianInputDto | null;
}

export class PatientSearchQueryDto {
  @ApiPropertyOptional({
    description: 'Part of the name, a patient code (P-7KQ2M), a record number, or a birth date (YYYY-MM-DD).',
  })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'Birth date, YYYY-MM-DD; narrows a name search.' })
  @IsOptional()
  @IsCalendarDate()
  dateOfBirth?: string;

  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
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
  @ApiPropertyOptional({ type: String, nullable: true }) @Identified() contactEmail!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @Identified() contactPhone!: string | null;
}

export class CaseSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() procedure!: string;
  @ApiProperty() provider!: string;
  @ApiProperty({ format: 'date' }) treatmentDate!: string;
  @ApiProperty() photoCount!: number;
}

export class PatientDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'P-7KQ2M', description: 'Pseudonymous code, used wherever identity is not needed.' })
  code!: string;
  @ApiProperty() @Identified() fullName!: string;
  @ApiProperty({ format: 'date' }) @Identified() dateOfBirth!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @Identified() contactEmail!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @Identified() contactPhone!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @Identified() postalAddress!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @Identified() mrn!: string | null;
  @ApiPropertyOptional({ type: GuardianDto, nullable: true }) @Identified() guardian!: GuardianDto | null;
  @ApiProperty({ description: 'Under 18 today.' }) minor!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt!: Date;
}

export class PatientDetailDto extends PatientDto {
  @ApiProperty({ type: [CaseSummaryDto] }) cases!: CaseSummaryDto[];
}

export class PatientSearchResultDto {
  @ApiProperty({ type: [PatientDto] }) items!: PatientDto[];
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class CreateCaseDto {
  @ApiProperty({ example: 'Rhinoplasty' })
  @IsString()
  @Matches(/\S/, { message: 'procedure must not be blank' })
  @MaxLength(200)
  procedure!: string;

  @ApiProperty({ example: 'Dr. A. Smith' })
  @IsString()
  @Matches(/\S/, { message: 'provider must not be blank' })
  @MaxLength(200)
  provider!: string;

  @ApiProperty({ example: '2026-03-02' })
  @IsCalendarDate()
  treatmentDate!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string | null;
}
