import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsObject,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsInstant, OptionalNotNull } from '../../common/validators.js';
import { CHANNEL_CODES } from '../../rights/channels.js';
import { CreatePublicationDto, PublicationLocationDto } from '../../publications/dto/publication.dto.js';

const TEXT_LIMIT = 2000;
const URL_LIMIT = 2048;
const NOT_BLANK = /\S/;
/** The evidence a completion brings; hosted takedowns record theirs without one. */
export const COMPLETION_EVIDENCE_KINDS = ['attestation', 'screenshot', 'url_check'] as const;
export type CompletionEvidenceKind = (typeof COMPLETION_EVIDENCE_KINDS)[number];
const HTTP_URL = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

export class TaskEvidenceDto {
  @ApiProperty({
    enum: COMPLETION_EVIDENCE_KINDS,
    description:
      '`attestation`: a written statement; `screenshot`: the image sent as the `screenshot` file; `url_check`: ' +
      'the service fetches the URL itself and completes the task only if it answers 404/410 or no longer shows ' +
      'the photo (compared by fingerprint). A check that does not confirm the removal answers 422 with its findings.',
    example: 'attestation',
  })
  @IsIn(COMPLETION_EVIDENCE_KINDS)
  kind!: CompletionEvidenceKind;

  @ApiPropertyOptional({
    description:
      'For a URL check: the address the image was published under, if known. The check fails while the page ' +
      'still refers to it, besides comparing every image on the page with the photo.',
    format: 'uri',
    example: 'https://clinic.example/uploads/2026/05/before-after-12.jpg',
    maxLength: URL_LIMIT,
  })
  @OptionalNotNull()
  @IsUrl(HTTP_URL, { message: 'imageUrl must be an http(s) URL' })
  @MaxLength(URL_LIMIT)
  imageUrl?: string;

  @ApiPropertyOptional({
    description:
      'Required for an attestation: what was removed, where and how it was confirmed. Optional with a screenshot.',
    example: 'Deleted the Instagram post C1 and checked the profile grid',
    maxLength: TEXT_LIMIT,
  })
  @OptionalNotNull()
  @IsString()
  @Matches(NOT_BLANK, { message: 'statement must not be blank' })
  @MaxLength(TEXT_LIMIT)
  statement?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the removal was seen (attestation, screenshot).',
    example: '2026-11-30T15:10:00Z',
  })
  @OptionalNotNull()
  @IsInstant()
  observedAt?: string;
}

export class CompleteTaskDto {
  @ApiProperty({
    type: TaskEvidenceDto,
    description:
      'The evidence. With `screenshot`, send multipart/form-data: the file in `screenshot` and this object in `metadata`.',
  })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => TaskEvidenceDto)
  evidence!: TaskEvidenceDto;
}

export class NotRemovableDto {
  @ApiProperty({
    description: 'Why it cannot come down, e.g. actions taken in reliance on the authorization.',
    example: '2,000 printed brochures already handed out at the spring open day',
    maxLength: TEXT_LIMIT,
  })
  @IsString()
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @MaxLength(TEXT_LIMIT)
  reason!: string;
}

export class AssignTaskDto {
  @ApiProperty({
    format: 'uuid',
    description: 'An active staff member who works removal tasks (marketing or privacy officer).',
    example: '7a1e4c52-93d0-4b8f-a6e2-5c9d0f1b3e47',
  })
  @IsUUID('all')
  userId!: string;
}

export class SetTaskOwnerDto {
  @ApiProperty({
    format: 'uuid',
    description: 'An active staff member who works removal tasks (marketing or privacy officer).',
    example: '7a1e4c52-93d0-4b8f-a6e2-5c9d0f1b3e47',
  })
  @IsUUID('all')
  userId!: string;
}

export class TaskOwnerDto {
  @ApiProperty({
    enum: CHANNEL_CODES,
    enumName: 'Channel',
    description: 'A channel code; a prefix (`social`) covers the channels under it that have no owner of their own.',
  })
  channel!: string;
  @ApiProperty({ format: 'uuid', description: 'The staff member who gets its new tasks.' }) userId!: string;
  @ApiProperty({ description: "The staff member's name." }) displayName!: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'When the owner was last set.' }) updatedAt!: Date;
}

export class DiscoveredPublicationDto extends OmitType(CreatePublicationDto, ['hosted', 'location'] as const) {
  // The inherited fields as they read for a publication found later (swagger metadata only: the
  // validation is CreatePublicationDto's).
  @ApiProperty({
    format: 'uuid',
    description: "The photo it shows: one of the case's patient's photos.",
    example: '3c9e7b1a-5f24-4d8e-b0a6-9e2f7c41d853',
  })
  declare photoId: string;

  @ApiProperty({
    enum: CHANNEL_CODES,
    enumName: 'Channel',
    description: "Where it appears; its task goes to that channel's default owner.",
    example: 'social.facebook',
  })
  declare channel: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'When it went live, if known; defaults to now, never later. Recorded with the publication, with whether ' +
      'consent cleared it then.',
    example: '2025-04-18T10:00:00Z',
  })
  declare publishedAt?: string;

  @ApiPropertyOptional({
    description: 'Ignored here: the service records whether consent cleared the use at `publishedAt` itself.',
    example: false,
  })
  declare unclearedWhenPublished?: boolean;

  @ApiProperty({ type: PublicationLocationDto, description: 'Where it was found: url, postId, campaign or printRun.' })
  @IsObject()
  @ValidateNested()
  @Type(() => PublicationLocationDto)
  location!: PublicationLocationDto;

  @ApiProperty({
    description: 'How and when it was found, for the record.',
    example: 'Found by the patient on an old Facebook album of the clinic; reported by phone',
    maxLength: TEXT_LIMIT,
  })
  @IsString()
  @Matches(NOT_BLANK, { message: 'howFound must not be blank' })
  @MaxLength(TEXT_LIMIT)
  howFound!: string;
}
