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
import { IsChannelCode, IsInstant, OptionalNotNull } from '../../common/validators.js';
import { IsPageCursor } from '../../common/page-cursor.js';
import { ClearanceReasonDto } from '../../clearance/dto/clearance.dto.js';
import { CHANNEL_CODES } from '../../rights/channels.js';
import { PUBLICATION_STATUSES, type PublicationStatus } from '../publication.entity.js';

const LOCATION_TEXT_LIMIT = 500;

/** Where the photo appears: at least one of these, unless the service hosts it. */
export class PublicationLocationDto {
  @ApiPropertyOptional({ example: 'https://clinic.example/gallery/rhinoplasty' })
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'url must be an http(s) URL' },
  )
  @MaxLength(2048)
  url?: string | null;

  @ApiPropertyOptional({ description: "The network's id of the post.", example: 'C8x1Lq0MZ3b' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(LOCATION_TEXT_LIMIT)
  postId?: string | null;

  @ApiPropertyOptional({ example: 'Spring 2026 newsletter' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(LOCATION_TEXT_LIMIT)
  campaign?: string | null;

  @ApiPropertyOptional({ example: 'Brochure B-12, 2,000 copies' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(LOCATION_TEXT_LIMIT)
  printRun?: string | null;
}

export class CreatePublicationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  photoId!: string;

  @ApiProperty({ enum: CHANNEL_CODES, example: 'website' })
  @IsChannelCode()
  channel!: string;

  @ApiPropertyOptional({ type: PublicationLocationDto, description: 'Required unless `hosted`.' })
  @OptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => PublicationLocationDto)
  location?: PublicationLocationDto;

  @ApiPropertyOptional({ description: 'Whether the face shows. Defaults to whether the photo shows it.' })
  @OptionalNotNull()
  @IsBoolean()
  faceShown?: boolean;

  @ApiPropertyOptional({ default: false }) @OptionalNotNull() @IsBoolean() marksObscured?: boolean;
  @ApiPropertyOptional({ default: false }) @OptionalNotNull() @IsBoolean() nameShown?: boolean;
  @ApiPropertyOptional({ default: false }) @OptionalNotNull() @IsBoolean() paid?: boolean;

  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'When it went live; defaults to now, never later. The use must have been cleared then as well as now ' +
      '(409 `publication_not_cleared` with `decidedAt` otherwise).',
  })
  @OptionalNotNull()
  @IsInstant()
  publishedAt?: string;

  @ApiPropertyOptional({
    default: false,
    description:
      'Records a use found later that consent did not clear at `publishedAt` (it must be cleared now): kept with ' +
      '`clearedWhenPublished: false` and listed on the rights report, never as cleared from the start.',
  })
  @OptionalNotNull()
  @IsBoolean()
  unclearedWhenPublished?: boolean;

  @ApiPropertyOptional({
    default: false,
    description: 'For `website` only: the service serves the photo at an unguessable /m/{token} URL.',
  })
  @OptionalNotNull()
  @IsBoolean()
  hosted?: boolean;
}

export class UpdatePublicationDto {
  @ApiProperty({ type: PublicationLocationDto, description: 'Replaces the location; null clears a field.' })
  @IsObject()
  @ValidateNested()
  @Type(() => PublicationLocationDto)
  location!: PublicationLocationDto;
}

export class PublicationQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() photoId?: string;

  @ApiPropertyOptional({ enum: CHANNEL_CODES, description: 'This channel and those under it.' })
  @IsOptional()
  @IsChannelCode()
  channel?: string;

  @ApiPropertyOptional({ enum: PUBLICATION_STATUSES })
  @IsOptional()
  @IsIn(PUBLICATION_STATUSES)
  status?: PublicationStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
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
  @ApiProperty({ type: String, nullable: true }) url!: string | null;
  @ApiProperty({ type: String, nullable: true }) postId!: string | null;
  @ApiProperty({ type: String, nullable: true }) campaign!: string | null;
  @ApiProperty({ type: String, nullable: true }) printRun!: string | null;
}

export class PublicationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) photoId!: string;
  @ApiProperty({ example: 'P-7KQ2M' }) patientCode!: string;
  @ApiProperty({ enum: CHANNEL_CODES }) channel!: string;
  @ApiProperty({ type: PublicationLocationViewDto }) location!: PublicationLocationViewDto;
  @ApiProperty() faceShown!: boolean;
  @ApiProperty() marksObscured!: boolean;
  @ApiProperty() nameShown!: boolean;
  @ApiProperty() paid!: boolean;
  @ApiProperty({ format: 'date-time' }) publishedAt!: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) publishedByUserId!: string | null;
  @ApiProperty({ format: 'uuid', description: 'The release version that cleared the use when recorded.' })
  releaseId!: string;
  @ApiProperty() hosted!: boolean;
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
  @ApiProperty({ type: String, nullable: true, description: 'The public URL of a hosted publication.' })
  mediaUrl!: string | null;
  @ApiProperty({ enum: PUBLICATION_STATUSES }) status!: PublicationStatus;
  @ApiProperty({ format: 'date-time' }) statusChangedAt!: Date;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt!: Date;
}

export class PublicationPageDto {
  @ApiProperty({ type: [PublicationDto] }) items!: PublicationDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `before` for the next page.' })
  nextCursor!: string | null;
}

/** The 409 body of a use that is not cleared. */
export class NotClearedProblemDto {
  @ApiProperty({ example: 'publication_not_cleared' }) code!: string;
  @ApiProperty({ type: [ClearanceReasonDto] }) reasons!: ClearanceReasonDto[];
  @ApiProperty({ type: [String] }) remedies!: string[];
}

export class RightsReportQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 365, default: 30, description: 'How far ahead to look for expiries.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  expiringWithinDays?: number;
}

export class DeniedPublicationDto {
  @ApiProperty({ type: PublicationDto }) publication!: PublicationDto;
  @ApiProperty({ type: [ClearanceReasonDto] }) reasons!: ClearanceReasonDto[];
  @ApiProperty({ type: [String] }) remedies!: string[];
}

export class ExpiringReleaseDto {
  @ApiProperty({ format: 'uuid' }) releaseId!: string;
  @ApiProperty() releaseVersion!: number;
  @ApiProperty({ format: 'date-time' }) expiresAt!: Date;
  @ApiProperty({ example: 'P-7KQ2M' }) patientCode!: string;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Live publications under it.' })
  publicationIds!: string[];
}

export class RightsReportDto {
  @ApiProperty({ format: 'date-time' }) generatedAt!: Date;
  @ApiProperty() expiringWithinDays!: number;
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
