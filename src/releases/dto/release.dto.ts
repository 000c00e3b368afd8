import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Identified } from '../../common/identified.js';
import { IsChannelCodeEach, IsInstant, OptionalNotNull } from '../../common/validators.js';
import { GUARDIAN_RELATIONSHIPS, type GuardianRelationship } from '../../patients/guardian.js';
import { CHANNEL_CODES } from '../../rights/channels.js';
import { SIGNER_TYPES, type SignerType } from '../release.entity.js';

const TEXT_LIMIT = 2000;

export class SignedByDto {
  @ApiProperty({ enum: SIGNER_TYPES })
  @IsIn(SIGNER_TYPES)
  signerType!: SignerType;

  @ApiPropertyOptional({ description: "The signer's name; for the patient, defaults to the patient's name." })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'fullName must not be blank' })
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional({ enum: GUARDIAN_RELATIONSHIPS, description: 'Required when a guardian signs.' })
  @IsOptional()
  @IsIn(GUARDIAN_RELATIONSHIPS)
  relationship?: GuardianRelationship;

  @ApiPropertyOptional({
    example: 'parent of a minor',
    description: 'What gives a guardian authority to sign (45 CFR 164.508(c)(1)(vi)); required when a guardian signs.',
  })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'authority must not be blank' })
  @MaxLength(500)
  authority?: string;
}

export class ScopeDto {
  @ApiProperty({ enum: CHANNEL_CODES, isArray: true, example: ['website', 'social'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CHANNEL_CODES.length)
  @ArrayUnique()
  @IsChannelCodeEach()
  channels!: string[];

  @ApiPropertyOptional({ enum: CHANNEL_CODES, isArray: true, example: ['social.tiktok'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CHANNEL_CODES.length)
  @ArrayUnique()
  @IsChannelCodeEach()
  deniedChannels?: string[];

  @ApiProperty() @IsBoolean() faceAllowed!: boolean;
  @ApiProperty({ description: 'Identifying marks (tattoos, birthmarks) must be obscured in every use.' })
  @IsBoolean()
  obscureIdentifyingMarks!: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() nameAllowed?: boolean;
  @ApiProperty() @IsBoolean() paidAdvertisingAllowed!: boolean;
  @ApiProperty({ description: 'Conferences, journals, teaching.' }) @IsBoolean() educationalUseAllowed!: boolean;
}

/** The fields of a release, as the `metadata` part of the multipart request with the signed form. */
export class ReleaseMetadataDto {
  @ApiPropertyOptional({ description: 'Covers every case of the patient, now and later. Give this or caseIds.' })
  @IsOptional()
  @IsBoolean()
  coversAllCases?: boolean;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'The cases covered. Give this or coversAllCases.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  caseIds?: string[];

  @ApiProperty({ format: 'date-time', description: 'When the form was signed; not in the future.' })
  @IsInstant()
  signedAt!: string;

  @ApiProperty({ type: SignedByDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => SignedByDto)
  signedBy!: SignedByDto;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The staff member who witnessed the signature; defaults to you.',
  })
  @IsOptional()
  @IsUUID()
  witnessUserId?: string;

  @ApiProperty({ example: 'Photo release (website and social)' })
  @IsString()
  @Matches(/\S/, { message: 'formTemplate must not be blank' })
  @MaxLength(200)
  formTemplate!: string;

  @ApiProperty({ example: '2026-01' })
  @IsString()
  @Matches(/\S/, { message: 'formVersion must not be blank' })
  @MaxLength(50)
  formVersion!: string;

  @ApiPropertyOptional({ description: '164.508(c)(1)(i): the information to be used or disclosed.' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMIT)
  informationDescription?: string;

  @ApiPropertyOptional({ description: '164.508(c)(1)(ii): who is authorized to make the disclosure.' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMIT)
  disclosingParty?: string;

  @ApiPropertyOptional({ description: '164.508(c)(1)(iii): to whom the clinic may disclose.' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMIT)
  recipients?: string;

  @ApiPropertyOptional({ description: '164.508(c)(1)(iv): the purpose of the disclosure.' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMIT)
  purpose?: string;

  @ApiPropertyOptional({ format: 'date-time', description: '164.508(c)(1)(v): expiry date; after signedAt.' })
  @IsOptional()
  @IsInstant()
  expiresAt?: string;

  @ApiPropertyOptional({ description: '164.508(c)(1)(v): or the event on which it expires.' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMIT)
  expirationEvent?: string;

  @ApiProperty({ description: '164.508(c)(2)(i): the form states the right to revoke and how.' })
  @IsBoolean()
  rightToRevokeStatement!: boolean;

  @ApiProperty({ description: '164.508(c)(2)(iii): the form states the information may be redisclosed.' })
  @IsBoolean()
  redisclosureStatement!: boolean;

  @ApiProperty({ description: '164.508(c)(2)(ii): the form states whether treatment is conditioned on signing.' })
  @IsBoolean()
  conditioningStatement!: boolean;

  @ApiProperty({ description: 'Whether treatment was conditioned on signing. It must not be.' })
  @IsBoolean()
  treatmentConditionedOnSigning!: boolean;

  @ApiProperty({ description: '164.508(c)(4): the signer was given a copy.' })
  @IsBoolean()
  copyProvidedToSigner!: boolean;

  @ApiProperty({ type: ScopeDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ScopeDto)
  scope!: ScopeDto;
}

/**
 * An amendment: a newly signed form and what changed. Fields left out are carried over from the
 * version it supersedes; `signedAt`, `reason` and the new signed form are always needed.
 */
export class AmendmentMetadataDto {
  @ApiProperty({ example: 'Patient no longer allows TikTok.' })
  @IsString()
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(TEXT_LIMIT)
  reason!: string;

  @ApiProperty({ format: 'date-time' })
  @IsInstant()
  signedAt!: string;

  @ApiPropertyOptional({ type: SignedByDto })
  @OptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => SignedByDto)
  signedBy?: SignedByDto;

  @ApiPropertyOptional() @OptionalNotNull() @IsBoolean() coversAllCases?: boolean;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  caseIds?: string[];

  @ApiPropertyOptional({ format: 'uuid' }) @OptionalNotNull() @IsUUID() witnessUserId?: string;
  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  @Matches(/\S/, { message: 'formTemplate must not be blank' })
  @MaxLength(200)
  formTemplate?: string;
  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  @Matches(/\S/, { message: 'formVersion must not be blank' })
  @MaxLength(50)
  formVersion?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT_LIMIT) informationDescription?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT_LIMIT) disclosingParty?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT_LIMIT) recipients?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT_LIMIT) purpose?: string | null;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsInstant() expiresAt?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT_LIMIT) expirationEvent?: string | null;
  @ApiPropertyOptional() @OptionalNotNull() @IsBoolean() rightToRevokeStatement?: boolean;
  @ApiPropertyOptional() @OptionalNotNull() @IsBoolean() redisclosureStatement?: boolean;
  @ApiPropertyOptional() @OptionalNotNull() @IsBoolean() conditioningStatement?: boolean;
  @ApiPropertyOptional() @OptionalNotNull() @IsBoolean() treatmentConditionedOnSigning?: boolean;
  @ApiPropertyOptional() @OptionalNotNull() @IsBoolean() copyProvidedToSigner?: boolean;

  @ApiPropertyOptional({ type: ScopeDto, description: 'The whole new scope, when it changes.' })
  @OptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => ScopeDto)
  scope?: ScopeDto;
}

export class ReleaseListQueryDto {
  @ApiPropertyOptional({ description: 'Also list superseded versions.', default: false })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeSuperseded?: 'true' | 'false';
}

// Responses.

export class SignedByViewDto {
  @ApiProperty({ enum: SIGNER_TYPES }) signerType!: SignerType;
  @ApiProperty() @Identified() fullName!: string;
  @ApiPropertyOptional({ enum: GUARDIAN_RELATIONSHIPS, nullable: true }) relationship!: GuardianRelationship | null;
  @ApiPropertyOptional({ type: String, nullable: true }) authority!: string | null;
}

export class ScopeViewDto {
  @ApiProperty({ type: [String] }) channels!: string[];
  @ApiProperty({ type: [String] }) deniedChannels!: string[];
  @ApiProperty() faceAllowed!: boolean;
  @ApiProperty() obscureIdentifyingMarks!: boolean;
  @ApiProperty() nameAllowed!: boolean;
  @ApiProperty() paidAdvertisingAllowed!: boolean;
  @ApiProperty() educationalUseAllowed!: boolean;
}

export class SignedDocumentDto {
  @ApiProperty() contentType!: string;
  @ApiProperty() bytes!: number;
  @ApiProperty({ description: 'Hex SHA-256 of the signed form as stored.' }) sha256!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @Identified() fileName!: string | null;
  @ApiProperty({ example: '/api/v1/releases/…/document' }) url!: string;
}

export class ReleaseVersionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['current', 'superseded'] }) status!: 'current' | 'superseded';
  @ApiProperty({ format: 'date-time' }) signedAt!: Date;
  @ApiProperty({ format: 'date-time' }) recordedAt!: Date;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) supersededAt!: Date | null;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the patient revoked this version outright (the request was received); null while not revoked.',
  })
  revokedAt!: Date | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) revocationId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) amendmentReason!: string | null;
}

export class WitnessDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
}

export class ReleaseDto extends ReleaseVersionDto {
  @ApiProperty({ format: 'uuid', description: 'Shared by every version of this authorization.' }) seriesId!: string;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty({ example: 'P-7KQ2M' }) patientCode!: string;
  @ApiProperty() coversAllCases!: boolean;
  @ApiProperty({ type: [String], format: 'uuid' }) caseIds!: string[];
  @ApiProperty({ type: SignedByViewDto }) signedBy!: SignedByViewDto;
  @ApiProperty({ type: WitnessDto }) witness!: WitnessDto;
  @ApiProperty() formTemplate!: string;
  @ApiProperty() formVersion!: string;
  @ApiProperty({ type: SignedDocumentDto }) document!: SignedDocumentDto;
  @ApiPropertyOptional({ type: String, nullable: true }) informationDescription!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) disclosingParty!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) recipients!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) purpose!: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) expiresAt!: Date | null;
  @ApiPropertyOptional({ type: String, nullable: true }) expirationEvent!: string | null;
  @ApiProperty() rightToRevokeStatement!: boolean;
  @ApiProperty() redisclosureStatement!: boolean;
  @ApiProperty() conditioningStatement!: boolean;
  @ApiProperty() treatmentConditionedOnSigning!: boolean;
  @ApiProperty() copyProvidedToSigner!: boolean;
  @ApiProperty({ type: ScopeViewDto }) scope!: ScopeViewDto;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) supersedesId!: string | null;
  @ApiProperty({ description: 'Every element of the 164.508(c) checklist passes.' }) checklistComplete!: boolean;
  @ApiProperty({ type: [ReleaseVersionDto], description: 'Every version of this authorization, newest first.' })
  versions!: ReleaseVersionDto[];
}

export class ChecklistItemDto {
  @ApiProperty({ example: 'expiration' }) element!: string;
  @ApiProperty({ example: '45 CFR 164.508(c)(1)(v)' }) citation!: string;
  @ApiProperty() requirement!: string;
  @ApiProperty() passed!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'What is missing, when it fails.' })
  missing!: string | null;
}

export class ChecklistDto {
  @ApiProperty({ format: 'uuid' }) releaseId!: string;
  @ApiProperty() version!: number;
  @ApiProperty() complete!: boolean;
  @ApiProperty({ type: [ChecklistItemDto] }) items!: ChecklistItemDto[];
  @ApiProperty() notice!: string;
}
