import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Identified } from '../../common/identified.js';
import { IsInstant, OptionalNotNull } from '../../common/validators.js';
import { CHANNEL_CODES, IsChannelCodeEach } from '../../rights/channels.js';
import {
  RECEIVED_VIA,
  REQUESTER_TYPES,
  REVOCATION_SCOPE_KINDS,
  type ReceivedVia,
  type RequesterType,
  type RevocationScopeKind,
} from '../revocation.entity.js';

export const MAX_WITHDRAWN_PHOTOS = 500;
const MAX_NAMED_RELEASES = 50;
const TEXT_LIMIT = 2000;
const NOT_BLANK = /\S/;

export class RevocationScopeDto {
  @ApiProperty({
    enum: REVOCATION_SCOPE_KINDS,
    description:
      '`everything`: the release ends; `channels`: those channels are withdrawn; `photos`: those photos are withdrawn from every use.',
    example: 'channels',
  })
  @IsIn(REVOCATION_SCOPE_KINDS)
  kind!: RevocationScopeKind;

  @ApiPropertyOptional({
    enum: CHANNEL_CODES,
    enumName: 'Channel',
    isArray: true,
    example: ['social'],
    description: 'Required for `channels`, and only there: the channel prefixes withdrawn.',
  })
  @ValidateIf((scope: RevocationScopeDto) => scope.kind === 'channels' || scope.channels !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CHANNEL_CODES.length)
  @ArrayUnique()
  @IsChannelCodeEach()
  channels?: string[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_WITHDRAWN_PHOTOS,
    description: "Required for `photos`, and only there: the patient's photos withdrawn.",
    example: ['3c9e7b1a-5f24-4d8e-b0a6-9e2f7c41d853'],
  })
  @ValidateIf((scope: RevocationScopeDto) => scope.kind === 'photos' || scope.photoIds !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_WITHDRAWN_PHOTOS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  photoIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_NAMED_RELEASES,
    description:
      "For `everything` or `channels`: the patient's releases (any version's id) it applies to; omitted, every release of the patient.",
    example: ['9d2b6e14-0c7a-4f3e-8b51-2a6c4e8f0d97'],
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_NAMED_RELEASES)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  releaseIds?: string[];
}

export class RequesterDto {
  @ApiProperty({ enum: REQUESTER_TYPES, description: 'Who asked.', example: 'authorized_agent' })
  @IsIn(REQUESTER_TYPES)
  type!: RequesterType;

  @ApiPropertyOptional({
    description: "Required for a guardian or an authorized agent: the requester's name.",
    example: 'Jordan Roe',
    maxLength: 200,
  })
  @ValidateIf((requester: RequesterDto) => requester.type !== 'patient' || requester.fullName !== undefined)
  @IsString()
  @Matches(NOT_BLANK, { message: 'fullName must not be blank' })
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional({
    description: "Required for a guardian or an authorized agent: the relationship or the agent's authority.",
    example: 'power of attorney',
    maxLength: 500,
  })
  @ValidateIf((requester: RequesterDto) => requester.type !== 'patient' || requester.authority !== undefined)
  @IsString()
  @Matches(NOT_BLANK, { message: 'authority must not be blank' })
  @MaxLength(500)
  authority?: string;
}

/** A revocation as staff record it: in JSON, or as `metadata` beside the written request in `document`. */
export class CreateRevocationDto {
  @ApiProperty({ type: RevocationScopeDto, description: 'What consent is withdrawn.' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => RevocationScopeDto)
  scope!: RevocationScopeDto;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the clinic received the request: it takes effect then. Defaults to now; never in the future.',
    example: '2026-11-30T14:05:00Z',
  })
  @OptionalNotNull()
  @IsInstant()
  receivedAt?: string;

  @ApiProperty({ enum: RECEIVED_VIA, description: 'How the request reached the clinic.', example: 'phone' })
  @IsIn(RECEIVED_VIA)
  receivedVia!: ReceivedVia;

  @ApiProperty({ type: RequesterDto, description: 'Who asked: the patient, a guardian or an authorized agent.' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => RequesterDto)
  requester!: RequesterDto;

  @ApiProperty({
    description: "How the requester's identity was verified.",
    example: 'Called back on the number on file; confirmed date of birth',
    maxLength: TEXT_LIMIT,
  })
  @IsString()
  @Matches(NOT_BLANK, { message: 'identityVerification must not be blank' })
  @MaxLength(TEXT_LIMIT)
  identityVerification!: string;

  @ApiPropertyOptional({
    description: 'Anything else staff should know about the request.',
    example: 'Asked for a written confirmation by post',
    maxLength: TEXT_LIMIT,
  })
  @OptionalNotNull()
  @IsString()
  @MaxLength(TEXT_LIMIT)
  notes?: string;
}

const WITHHELD = 'Left out for callers without `patients.read`.';

export class RevocationScopeViewDto {
  @ApiProperty({ enum: REVOCATION_SCOPE_KINDS }) kind!: RevocationScopeKind;
  @ApiProperty({
    enum: CHANNEL_CODES,
    enumName: 'Channel',
    isArray: true,
    nullable: true,
    description: 'For `channels`: the channel prefixes withdrawn; else null.',
  })
  channels!: string[] | null;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    nullable: true,
    description: 'For `photos`: the photos withdrawn; else null.',
  })
  photoIds!: string[] | null;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    nullable: true,
    description: 'The release series it applies to; null: every release of the patient.',
  })
  releaseSeriesIds!: string[] | null;
}

export class RequesterViewDto {
  @ApiProperty({ enum: REQUESTER_TYPES }) type!: RequesterType;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: `The requester's name; null when none was given (a patient asking for themselves). ${WITHHELD}`,
  })
  @Identified()
  fullName!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: `The relationship or the agent's authority; null when none was given. ${WITHHELD}`,
  })
  authority!: string | null;
}

export class RevocationDocumentDto {
  @ApiProperty({ enum: ['application/pdf', 'image/jpeg', 'image/png'], description: 'As judged from its bytes.' })
  contentType!: string;
  @ApiProperty({ type: 'integer', description: 'Size in bytes.' }) bytes!: number;
  @ApiProperty({ description: 'SHA-256 of the file, hex.', pattern: '^[0-9a-f]{64}$' }) sha256!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: `The uploader's file name. ${WITHHELD}` })
  @Identified()
  fileName!: string | null;
  @ApiProperty({
    format: 'uri-reference',
    description: 'Where it downloads from (`GET /api/v1/revocations/{id}/document`).',
  })
  url!: string;
}

export class RevocationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty({ type: RevocationScopeViewDto }) scope!: RevocationScopeViewDto;
  @ApiProperty({ type: String, format: 'date-time', description: 'The legal effective time.' }) receivedAt!: Date;
  @ApiProperty({ enum: RECEIVED_VIA }) receivedVia!: ReceivedVia;
  @ApiProperty({ type: RequesterViewDto }) requester!: RequesterViewDto;
  @ApiPropertyOptional({ description: `How the requester's identity was verified. ${WITHHELD}` })
  identityVerification!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: WITHHELD }) @Identified() notes!: string | null;
  @ApiProperty({
    type: RevocationDocumentDto,
    nullable: true,
    description: 'The written request, if one was attached; else null.',
  })
  document!: RevocationDocumentDto | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The staff member who recorded it; null when the patient revoked in the portal.',
  })
  recordedByUserId!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt!: Date;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Release versions it revoked outright (for `everything`).',
  })
  revokedReleaseIds!: string[];
  @ApiProperty({ format: 'uuid', description: 'The removal case it opened.' }) removalCaseId!: string;
}
