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
import { IsInstant, OptionalNotNull } from '../../common/validators.js';
import { GUARDIAN_RELATIONSHIPS, type GuardianRelationship } from '../../rights/guardian.js';
import { DOCUMENT_CONTENT_TYPES } from '../../images/image.service.js';
import { CHANNEL_CODES, IsChannelCodeEach } from '../../rights/channels.js';
import { RELEASE_STATES, type ReleaseState } from '../../rights/release-standing.js';
import { SIGNER_TYPES, type SignerType } from '../release.entity.js';

const TEXT_LIMIT = 2000;
const CLEARABLE = 'Left out, carried over; `null` clears it.';

export class SignedByDto {
  @ApiProperty({ enum: SIGNER_TYPES, example: 'patient', description: 'The patient, or a guardian for them.' })
  @IsIn(SIGNER_TYPES)
  signerType!: SignerType;

  @ApiPropertyOptional({
    maxLength: 200,
    example: 'Jane Roe',
    description: "The signer's name; for the patient, defaults to the patient's name. Required when a guardian signs.",
  })
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
    maxLength: 500,
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
  @ApiProperty({
    enum: CHANNEL_CODES,
    enumName: 'Channel',
    isArray: true,
    minItems: 1,
    example: ['website', 'social'],
    description: 'The channels granted; a channel covers its sub-channels (`social` covers `social.instagram`).',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CHANNEL_CODES.length)
  @ArrayUnique()
  @IsChannelCodeEach()
  channels!: string[];

  @ApiPropertyOptional({
    enum: CHANNEL_CODES,
    enumName: 'Channel',
    isArray: true,
    example: ['social.tiktok'],
    description: 'Sub-channels excluded from a granted channel; one may not take away a whole granted channel.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CHANNEL_CODES.length)
  @ArrayUnique()
  @IsChannelCodeEach()
  deniedChannels?: string[];

  @ApiProperty({ example: false, description: "The patient's face may be shown." }) @IsBoolean() faceAllowed!: boolean;
  @ApiProperty({ example: true, description: 'Identifying marks (tattoos, birthmarks) must be obscured in every use.' })
  @IsBoolean()
  obscureIdentifyingMarks!: boolean;
  @ApiPropertyOptional({ example: false, description: "The patient's name may be shown; false when left out." })
  @IsOptional()
  @IsBoolean()
  nameAllowed?: boolean;
  @ApiProperty({ example: false }) @IsBoolean() paidAdvertisingAllowed!: boolean;
  @ApiProperty({ example: false, description: 'Conferences, journals, teaching; needed to grant `education`.' })
  @IsBoolean()
  educationalUseAllowed!: boolean;
}

/** The fields of a release, as the `metadata` part of the multipart request with the signed form. */
export class ReleaseMetadataDto {
  @ApiPropertyOptional({
    example: true,
    description: 'Covers every case of the patient, now and later. Give this (true) or caseIds.',
  })
  @IsOptional()
  @IsBoolean()
  coversAllCases?: boolean;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: 100,
    uniqueItems: true,
    description: "The cases covered, all the patient's. Give this or coversAllCases.",
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  caseIds?: string[];

  @ApiProperty({
    format: 'date-time',
    example: '2026-03-02T15:30:00Z',
    description:
      'When the form was signed, with its time zone; not in the future. The patient’s age on that day (the ' +
      'clinic’s calendar) decides who may sign.',
  })
  @IsInstant()
  signedAt!: string;

  @ApiProperty({ type: SignedByDto, description: 'Under 18 on the signing day, a guardian must sign.' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => SignedByDto)
  signedBy!: SignedByDto;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The active staff member who witnessed the signature; defaults to you.',
  })
  @IsOptional()
  @IsUUID()
  witnessUserId?: string;

  @ApiProperty({ maxLength: 200, example: 'Photo release (website and social)' })
  @IsString()
  @Matches(/\S/, { message: 'formTemplate must not be blank' })
  @MaxLength(200)
  formTemplate!: string;

  @ApiProperty({ maxLength: 50, example: '2026-01' })
  @IsString()
  @Matches(/\S/, { message: 'formVersion must not be blank' })
  @MaxLength(50)
  formVersion!: string;

  @ApiPropertyOptional({
    maxLength: 2000,
    example: 'Before and after photos of my rhinoplasty, without my name.',
    description: '164.508(c)(1)(i): the information to be used or disclosed.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMIT)
  informationDescription?: string;

  @ApiPropertyOptional({
    maxLength: 2000,
    example: 'Example Aesthetic Clinic',
    description: '164.508(c)(1)(ii): who is authorized to make the disclosure.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMIT)
  disclosingParty?: string;

  @ApiPropertyOptional({
    maxLength: 2000,
    example: "Visitors to the clinic's website and social media accounts",
    description: '164.508(c)(1)(iii): to whom the clinic may disclose.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMIT)
  recipients?: string;

  @ApiPropertyOptional({
    maxLength: 2000,
    example: "Marketing of the clinic's services",
    description: '164.508(c)(1)(iv): the purpose of the disclosure.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMIT)
  purpose?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2028-03-02T00:00:00Z',
    description: '164.508(c)(1)(v): expiry date; after signedAt. This or expirationEvent.',
  })
  @IsOptional()
  @IsInstant()
  expiresAt?: string;

  @ApiPropertyOptional({ maxLength: 2000, description: '164.508(c)(1)(v): or the event on which it expires.' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMIT)
  expirationEvent?: string;

  @ApiProperty({ example: true, description: '164.508(c)(2)(i): the form states the right to revoke and how.' })
  @IsBoolean()
  rightToRevokeStatement!: boolean;

  @ApiProperty({
    example: true,
    description: '164.508(c)(2)(iii): the form states the information may be redisclosed.',
  })
  @IsBoolean()
  redisclosureStatement!: boolean;

  @ApiProperty({
    example: true,
    description: '164.508(c)(2)(ii): the form states whether treatment is conditioned on signing.',
  })
  @IsBoolean()
  conditioningStatement!: boolean;

  @ApiProperty({ example: false, description: 'Whether treatment was conditioned on signing. It must not be.' })
  @IsBoolean()
  treatmentConditionedOnSigning!: boolean;

  @ApiProperty({ example: true, description: '164.508(c)(4): the signer was given a copy.' })
  @IsBoolean()
  copyProvidedToSigner!: boolean;

  @ApiProperty({ type: ScopeDto, description: 'What the release allows.' })
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
  @ApiProperty({ maxLength: 2000, example: 'Patient no longer allows TikTok.', description: 'Why it was amended.' })
  @IsString()
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(TEXT_LIMIT)
  reason!: string;

  @ApiProperty({
    format: 'date-time',
    example: '2026-04-10T11:00:00Z',
    description:
      'When the amendment was signed, with its time zone: not in the future, nor before the version it amends.',
  })
  @IsInstant()
  signedAt!: string;

  @ApiPropertyOptional({
    type: SignedByDto,
    description: 'Who signed the amendment; the previous signer when left out.',
  })
  @OptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => SignedByDto)
  signedBy?: SignedByDto;

  @ApiPropertyOptional({
    description: 'true: every case, now and later (not with caseIds). Left out, carried over; caseIds alone narrows.',
  })
  @OptionalNotNull()
  @IsBoolean()
  coversAllCases?: boolean;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: 100,
    uniqueItems: true,
    description: "The cases covered from now on, all the patient's; replaces the previous list.",
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  caseIds?: string[];

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The active staff member who witnessed the signature; defaults to you (not carried over).',
  })
  @OptionalNotNull()
  @IsUUID()
  witnessUserId?: string;
  @ApiPropertyOptional({ maxLength: 200 })
  @OptionalNotNull()
  @IsString()
  @Matches(/\S/, { message: 'formTemplate must not be blank' })
  @MaxLength(200)
  formTemplate?: string;
  @ApiPropertyOptional({ maxLength: 50 })
  @OptionalNotNull()
  @IsString()
  @Matches(/\S/, { message: 'formVersion must not be blank' })
  @MaxLength(50)
  formVersion?: string;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000, description: CLEARABLE })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMIT)
  informationDescription?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000, description: CLEARABLE })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMIT)
  disclosingParty?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000, description: CLEARABLE })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMIT)
  recipients?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000, description: CLEARABLE })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMIT)
  purpose?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: CLEARABLE })
  @IsOptional()
  @IsInstant()
  expiresAt?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000, description: CLEARABLE })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMIT)
  expirationEvent?: string | null;
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
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false', description: 'Also list superseded versions.' })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeSuperseded?: 'true' | 'false';
}

// Responses.

export class SignedByViewDto {
  @ApiProperty({ enum: SIGNER_TYPES }) signerType!: SignerType;
  @ApiProperty() @Identified() fullName!: string;
  @ApiProperty({ enum: GUARDIAN_RELATIONSHIPS, nullable: true, description: 'A guardian’s; null for the patient.' })
  relationship!: GuardianRelationship | null;
  @ApiProperty({ type: String, nullable: true, description: 'A guardian’s authority to sign; null for the patient.' })
  authority!: string | null;
}

export class ScopeViewDto {
  @ApiProperty({ enum: CHANNEL_CODES, enumName: 'Channel', isArray: true }) channels!: string[];
  @ApiProperty({ enum: CHANNEL_CODES, enumName: 'Channel', isArray: true })
  deniedChannels!: string[];
  @ApiProperty() faceAllowed!: boolean;
  @ApiProperty() obscureIdentifyingMarks!: boolean;
  @ApiProperty() nameAllowed!: boolean;
  @ApiProperty() paidAdvertisingAllowed!: boolean;
  @ApiProperty() educationalUseAllowed!: boolean;
}

export class SignedDocumentDto {
  @ApiProperty({ enum: DOCUMENT_CONTENT_TYPES }) contentType!: string;
  @ApiProperty({ type: 'integer' }) bytes!: number;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'Hex SHA-256 of the signed form as stored.' }) sha256!: string;
  @ApiProperty({ type: String, nullable: true, description: "The uploader's file name, sanitised." })
  @Identified()
  fileName!: string | null;
  @ApiProperty({
    format: 'uri-reference',
    example: '/api/v1/releases/0b6f1d2e-3c4a-4e5f-8a9b-7c6d5e4f3a2b/document',
    description: 'Where to download it, relative to the service.',
  })
  url!: string;
}

export class ReleaseVersionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer', minimum: 1, description: '1 for the release as first signed.' }) version!: number;
  @ApiProperty({ enum: ['current', 'superseded'] }) status!: 'current' | 'superseded';
  @ApiProperty({ format: 'date-time' }) signedAt!: Date;
  @ApiProperty({ format: 'date-time' }) recordedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) supersededAt!: Date | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the patient revoked this version outright (the request was received); null while not revoked.',
  })
  revokedAt!: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The revocation that revoked it.' })
  revocationId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why this version amended the one before; null for 1.' })
  amendmentReason!: string | null;
}

export class WitnessDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
}

export class ReleaseEndingDto {
  @ApiProperty({ enum: ['superseded', 'expired', 'revoked'] }) cause!: 'superseded' | 'expired' | 'revoked';
  @ApiProperty({ format: 'date-time', description: 'When it was superseded, expired or revoked.' }) at!: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The revocation, for `revoked`.' })
  revocationId!: string | null;
}

export class ReleaseNarrowingDto {
  @ApiProperty({ enum: ['channels', 'photos'], description: 'A withdrawal of channels or of photos.' })
  kind!: 'channels' | 'photos';
  @ApiProperty({ format: 'uuid' }) revocationId!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: Date;
  @ApiProperty({ enum: CHANNEL_CODES, enumName: 'Channel', isArray: true, description: 'The channels withdrawn.' })
  channels!: string[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'The photos withdrawn among those it covers.' })
  photoIds!: string[];
}

export class ReleaseStandingDto {
  @ApiProperty({
    enum: RELEASE_STATES,
    enumName: 'ReleaseState',
    description:
      'Where the version stands now, as the clearance rule judges it: `ended` (superseded, expired or revoked), ' +
      '`defective` (the signed form is no valid authorization: nothing is cleared under it), `narrowed` (in force, ' +
      'with channels or photos withdrawn), `in_force`, or `not_yet_signed`.',
  })
  state!: ReleaseState;
  @ApiProperty({ type: [ReleaseEndingDto], description: 'What ended it, in the order of the rule.' })
  ended!: ReleaseEndingDto[];
  @ApiProperty({ type: [String], description: 'What 45 CFR 164.508(c) needs that the signed form lacks.' })
  defects!: string[];
  @ApiProperty({ type: [ReleaseNarrowingDto], description: 'The withdrawals that narrow it, oldest first.' })
  narrowings!: ReleaseNarrowingDto[];
}

export class ReleaseDto extends ReleaseVersionDto {
  @ApiProperty({ format: 'uuid', description: 'Shared by every version of this authorization.' }) seriesId!: string;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty({ example: 'P-7KQ2M' }) patientCode!: string;
  @ApiProperty() coversAllCases!: boolean;
  @ApiProperty({ type: [String], format: 'uuid', description: 'The cases covered; empty when it covers all.' })
  caseIds!: string[];
  @ApiProperty({ type: SignedByViewDto }) signedBy!: SignedByViewDto;
  @ApiProperty({ type: WitnessDto }) witness!: WitnessDto;
  @ApiProperty() formTemplate!: string;
  @ApiProperty() formVersion!: string;
  @ApiProperty({ type: SignedDocumentDto }) document!: SignedDocumentDto;
  @ApiProperty({ type: String, nullable: true }) informationDescription!: string | null;
  @ApiProperty({ type: String, nullable: true }) disclosingParty!: string | null;
  @ApiProperty({ type: String, nullable: true }) recipients!: string | null;
  @ApiProperty({ type: String, nullable: true }) purpose!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) expirationEvent!: string | null;
  @ApiProperty() rightToRevokeStatement!: boolean;
  @ApiProperty() redisclosureStatement!: boolean;
  @ApiProperty() conditioningStatement!: boolean;
  @ApiProperty() treatmentConditionedOnSigning!: boolean;
  @ApiProperty() copyProvidedToSigner!: boolean;
  @ApiProperty({ type: ScopeViewDto }) scope!: ScopeViewDto;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The version this one amended.' })
  supersedesId!: string | null;
  @ApiProperty({ description: 'Every element of the 164.508(c) checklist passes.' }) checklistComplete!: boolean;
  @ApiProperty({ type: ReleaseStandingDto }) standing!: ReleaseStandingDto;
  @ApiProperty({ type: [ReleaseVersionDto], description: 'Every version of this authorization, newest first.' })
  versions!: ReleaseVersionDto[];
}

export class ChecklistItemDto {
  @ApiProperty({ example: 'expiration' }) element!: string;
  @ApiProperty({ example: '45 CFR 164.508(c)(1)(v)' }) citation!: string;
  @ApiProperty() requirement!: string;
  @ApiProperty() passed!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'What is missing, when it fails; null when it passes.' })
  missing!: string | null;
}

export class ChecklistDto {
  @ApiProperty({ format: 'uuid' }) releaseId!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ description: 'Every element passes.' }) complete!: boolean;
  @ApiProperty({ type: [ChecklistItemDto] }) items!: ChecklistItemDto[];
  @ApiProperty({ description: 'What the checklist is, and that it is not legal advice.' }) notice!: string;
}
