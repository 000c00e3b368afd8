import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsInstant, OptionalNotNull } from '../../common/validators.js';
import { IsPageCursor } from '../../common/page-cursor.js';
import { ClearanceReasonDto } from '../../rights/dto/clearance.dto.js';
import { CHANNEL_CODES, IsChannelCode } from '../../rights/channels.js';
import { PUBLICATION_STATUSES, type PublicationStatus } from '../publication.entity.js';

const LOCATION_TEXT_LIMIT = 500;

/** Where the photo appears: at least one of these, unless the service hosts it. */
export class PublicationLocationDto {
  @ApiPropertyOptional({
    type: String,
    format: 'uri',
    maxLength: 2048,
    nullable: true,
    example: 'https://clinic.example/gallery/rhinoplasty',
    description: 'The http(s) address where the photo appears.',
  })
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'url must be an http(s) URL' },
  )
  @MaxLength(2048)
  url?: string | null;

  @ApiPropertyOptional({
    type: String,
    minLength: 1,
    maxLength: LOCATION_TEXT_LIMIT,
    nullable: true,
    description: "The network's id of the post.",
    example: 'C8x1Lq0MZ3b',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(LOCATION_TEXT_LIMIT)
  postId?: string | null;

  @ApiPropertyOptional({
    type: String,
    minLength: 1,
    maxLength: LOCATION_TEXT_LIMIT,
    nullable: true,
    description: 'The campaign the photo is part of.',
    example: 'Spring 2026 newsletter',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(LOCATION_TEXT_LIMIT)
  campaign?: string | null;

  @ApiPropertyOptional({
    type: String,
    minLength: 1,
    maxLength: LOCATION_TEXT_LIMIT,
    nullable: true,
    description: 'The printed piece and its run.',
    example: 'Brochure B-12, 2,000 copies',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(LOCATION_TEXT_LIMIT)
  printRun?: string | null;
}

export class CreatePublicationDto {
  @ApiProperty({ format: 'uuid', example: '3f1c2a9e-6b7d-4e21-9a0c-5d8e7f6a1b23', description: 'The photo used.' })
  @IsUUID()
  photoId!: string;

  @ApiProperty({
    enum: CHANNEL_CODES,
    enumName: 'Channel',
    example: 'website',
    description: 'Where it is used: a channel code.',
  })
  @IsChannelCode()
  channel!: string;

  @ApiPropertyOptional({
    type: PublicationLocationDto,
    description: 'Where it appears, at least one field; required unless `hosted`.',
    example: { url: 'https://clinic.example/gallery/rhinoplasty' },
  })
  @OptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => PublicationLocationDto)
  location?: PublicationLocationDto;

  @ApiPropertyOptional({
    description: 'Whether the face shows. Defaults to whether the photo shows it.',
    example: false,
  })
  @OptionalNotNull()
  @IsBoolean()
  faceShown?: boolean;

  @ApiPropertyOptional({ example: false, description: 'Whether identifying marks are obscured. Defaults to false.' })
  @OptionalNotNull()
  @IsBoolean()
  marksObscured?: boolean;

  @ApiPropertyOptional({
    example: false,
    description: "Whether the patient's name is shown with it. Defaults to false.",
  })
  @OptionalNotNull()
  @IsBoolean()
  nameShown?: boolean;

  @ApiPropertyOptional({ example: false, description: 'Whether the placement is paid advertising. Defaults to false.' })
  @OptionalNotNull()
  @IsBoolean()
  paid?: boolean;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-04-20T10:00:00Z',
    description:
      'When it went live; defaults to now, never later. The use must have been cleared then as well as now ' +
      '(409 `publication_not_cleared` with `decidedAt` otherwise).',
  })
  @OptionalNotNull()
  @IsInstant()
  publishedAt?: string;

  @ApiPropertyOptional({
    example: false,
    description:
      'Records a use found later that consent did not clear at `publishedAt` (it must be cleared now): kept with ' +
      '`clearedWhenPublished: false` and listed on the rights report, never as cleared from the start. ' +
      'Defaults to false.',
  })
  @OptionalNotNull()
  @IsBoolean()
  unclearedWhenPublished?: boolean;

  @ApiPropertyOptional({
    example: false,
    description:
      'For `website` only: the service serves the photo at an unguessable /m/{token} URL (`mediaUrl`), while ' +
      'consent clears it; `location` is then optional. Defaults to false.',
  })
  @OptionalNotNull()
  @IsBoolean()
  hosted?: boolean;
}

export class UpdatePublicationDto {
  @ApiProperty({
    type: PublicationLocationDto,
    description: 'The location fields to change; a field left out stays as it is, null clears it.',
    example: { url: 'https://clinic.example/results/rhinoplasty-2026', postId: null },
  })
  @IsObject()
  @ValidateNested()
  @Type(() => PublicationLocationDto)
  location!: PublicationLocationDto;
}

export class PublicationQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only publications of this photo.' })
  @IsOptional()
  @IsUUID()
  photoId?: string;

  @ApiPropertyOptional({
    enum: CHANNEL_CODES,
    enumName: 'Channel',
    description: 'This channel and those under it.',
  })
  @IsOptional()
  @IsChannelCode()
  channel?: string;

  @ApiPropertyOptional({ enum: PUBLICATION_STATUSES, description: 'Only publications in this status.' })
  @IsOptional()
  @IsIn(PUBLICATION_STATUSES)
  status?: PublicationStatus;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50, description: 'Page size.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: "The previous page's `nextCursor`." })
  @IsOptional()
  @IsPageCursor()
  before?: string;
}

export class PublicationLocationViewDto {
  @ApiProperty({ type: String, format: 'uri', nullable: true }) url!: string | null;
  @ApiProperty({ type: String, nullable: true }) postId!: string | null;
  @ApiProperty({ type: String, nullable: true }) campaign!: string | null;
  @ApiProperty({ type: String, nullable: true }) printRun!: string | null;
}

export class PublicationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) photoId!: string;
  @ApiProperty({ example: 'P-7KQ2M' }) patientCode!: string;
  @ApiProperty({ enum: CHANNEL_CODES, enumName: 'Channel' }) channel!: string;
  @ApiProperty({ type: PublicationLocationViewDto, description: 'Where it appears; may be all null for a hosted one.' })
  location!: PublicationLocationViewDto;
  @ApiProperty() faceShown!: boolean;
  @ApiProperty() marksObscured!: boolean;
  @ApiProperty() nameShown!: boolean;
  @ApiProperty() paid!: boolean;
  @ApiProperty({ type: String, format: 'date-time', description: 'When it went live.' }) publishedAt!: Date;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The staff member who recorded it; null when an API key or the service did.',
  })
  publishedByUserId!: string | null;
  @ApiProperty({ format: 'uuid', description: 'The release version that cleared the use when recorded.' })
  releaseId!: string;
  @ApiProperty({ description: 'Whether the service serves the photo at `mediaUrl`.' }) hosted!: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'For a publication found after a revocation: how it came to light (identified free text).',
  })
  howFound!: string | null;
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description:
      'Whether consent cleared the use when it was published, as well as when recorded; null for a publication ' +
      'recorded before this was decided.',
  })
  clearedWhenPublished!: boolean | null;
  @ApiProperty({
    type: String,
    format: 'uri',
    nullable: true,
    description: 'The public URL of a hosted publication (GET /m/{token}); null when not hosted.',
  })
  mediaUrl!: string | null;
  @ApiProperty({ enum: PUBLICATION_STATUSES }) status!: PublicationStatus;
  @ApiProperty({ type: String, format: 'date-time' }) statusChangedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
}

export class PublicationPageDto {
  @ApiProperty({ type: [PublicationDto] }) items!: PublicationDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `before` for the next page.' })
  nextCursor!: string | null;
}

/**
 * The members a 409 `publication_not_cleared` problem adds to the shared ones (absent from the other
 * 409 problems of the route).
 */
export class NotClearedProblemDto {
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'The moment the use was decided for: now, or `publishedAt` when that is what failed.',
  })
  decidedAt?: Date;
  @ApiPropertyOptional({ type: [ClearanceReasonDto], description: 'Every rule that failed.' })
  reasons?: ClearanceReasonDto[];
  @ApiPropertyOptional({ type: [String], description: 'Changes that would make the use pass, where there are any.' })
  remedies?: string[];
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The governing release, if any.' })
  releaseId?: string | null;
  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    description: "The governing release's version, if any.",
  })
  releaseVersion?: number | null;
}

export class RightsReportQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 365,
    default: 30,
    description: 'How many days ahead to look for expiring releases.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  expiringWithinDays?: number;
}

export class DeniedPublicationDto {
  @ApiProperty({ type: PublicationDto }) publication!: PublicationDto;
  @ApiProperty({ type: [ClearanceReasonDto], description: 'Every rule that failed.' }) reasons!: ClearanceReasonDto[];
  @ApiProperty({ type: [String], description: 'Changes that would make the use pass, where there are any.' })
  remedies!: string[];
}

export class ExpiringReleaseDto {
  @ApiProperty({ format: 'uuid' }) releaseId!: string;
  @ApiProperty({ type: 'integer' }) releaseVersion!: number;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt!: Date;
  @ApiProperty({ example: 'P-7KQ2M' }) patientCode!: string;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Live publications under it.' })
  publicationIds!: string[];
}

export class RightsReportDto {
  @ApiProperty({ type: String, format: 'date-time' }) generatedAt!: Date;
  @ApiProperty({ type: 'integer', description: 'The window the expiring releases were looked for in.' })
  expiringWithinDays!: number;
  @ApiProperty({
    type: [DeniedPublicationDto],
    description: 'Live publications whose use is no longer cleared, with why.',
  })
  deniedLivePublications!: DeniedPublicationDto[];
  @ApiProperty({
    type: [DeniedPublicationDto],
    description:
      'Live publications recorded as found after the fact, whose use consent did not clear when they were ' +
      'published, with why it was not cleared then.',
  })
  unclearedWhenPublished!: DeniedPublicationDto[];
  @ApiProperty({
    type: [ExpiringReleaseDto],
    description: 'Releases expiring within the window while publications under them are live, soonest first.',
  })
  expiringReleases!: ExpiringReleaseDto[];
}
