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
import { IsChannelCodeEach, IsInstant, OptionalNotNull } from '../../common/validators.js';
import { CHANNEL_CODES } from '../../rights/channels.js';
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
  })
  @IsIn(REVOCATION_SCOPE_KINDS)
  kind!: RevocationScopeKind;

  @ApiPropertyOptional({
    enum: CHANNEL_CODES,
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
    description:
      "For `everything` or `channels`: the patient's releases (any version's id) it applies to; omitted, every release of the patient.",
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
  @ApiProperty({ enum: REQUESTER_TYPES })
  @IsIn(REQUESTER_TYPES)
  type!: RequesterType;

  @ApiPropertyOptional({ description: 'Required for a guardian or an authorized agent.', maxLength: 200 })
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
  @ApiProperty({ type: RevocationScopeDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => RevocationScopeDto)
  scope!: RevocationScopeDto;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the clinic received the request: it takes effect then. Defaults to now; never in the future.',
  })
  @OptionalNotNull()
  @IsInstant()
  receivedAt?: string;

  @ApiProperty({ enum: RECEIVED_VIA })
  @IsIn(RECEIVED_VIA)
  receivedVia!: ReceivedVia;

  @ApiProperty({ type: RequesterDto })
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

  @ApiPropertyOptional({ maxLength: TEXT_LIMIT })
  @OptionalNotNull()
  @IsString()
  @MaxLength(TEXT_LIMIT)
  notes?: string;
}

export class RevocationScopeViewDto {
  @ApiProperty({ enum: REVOCATION_SCOPE_KINDS }) kind!: RevocationScopeKind;
  @ApiProperty({ type: [String], nullable: true }) channels!: string[] | null;
  @ApiProperty({ type: [String], nullable: true }) photoIds!: string[] | null;
  @ApiProperty({ type: [String], nullable: true, description: 'Release series it applies to; null: every one.' })
  releaseSeriesIds!: string[] | null;
}

export class RequesterViewDto {
  @ApiProperty({ enum: REQUESTER_TYPES }) type!: RequesterType;
  @ApiProperty({ type: String, nullable: true }) @Identified() fullName!: string | null;
  @ApiProperty({ type: String, nullable: true }) authority!: string | null;
}

export class RevocationDocumentDto {
  @ApiProperty() contentType!: string;
  @ApiProperty() bytes!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty({ type: String, nullable: true }) @Identified() fileName!: string | null;
  @ApiProperty() url!: string;
}

export class RevocationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty({ type: RevocationScopeViewDto }) scope!: RevocationScopeViewDto;
  @ApiProperty({ type: String, format: 'date-time', description: 'The legal effective time.' }) receivedAt!: Date;
  @ApiProperty({ enum: RECEIVED_VIA }) receivedVia!: ReceivedVia;
  @ApiProperty({ type: RequesterViewDto }) requester!: RequesterViewDto;
  @ApiProperty() identityVerification!: string;
  @ApiProperty({ type: String, nullable: true }) @Identified() notes!: string | null;
  @ApiProperty({ type: RevocationDocumentDto, nullable: true }) document!: RevocationDocumentDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) recordedByUserId!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt!: Date;
  @ApiProperty({ type: [String], description: 'Release versions it revoked outright.' }) revokedReleaseIds!: string[];
  @ApiProperty({ type: String, format: 'uuid', description: 'The removal case it opened.' }) removalCaseId!: string;
}
