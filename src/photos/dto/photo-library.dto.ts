import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsPageCursor } from '../../common/page-cursor.js';
import { CHANNEL_CODES, IsChannelCode } from '../../rights/channels.js';
import { PHOTO_KINDS, type PhotoKind } from '../photo.entity.js';

export const MAX_LIBRARY_PAGE = 200;

export class PhotoLibraryQueryDto {
  @ApiPropertyOptional({
    maxLength: 100,
    example: 'rhino',
    description: 'Photos of cases whose procedure contains this text, ignoring case.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  procedure?: string;

  @ApiPropertyOptional({
    maxLength: 100,
    example: 'nose',
    description: 'Photos whose body area contains this text, ignoring case.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  bodyArea?: string;

  @ApiPropertyOptional({ enum: PHOTO_KINDS, description: 'Photos of this kind only.' })
  @IsOptional()
  @IsIn(PHOTO_KINDS)
  kind?: PhotoKind;

  @ApiPropertyOptional({
    enum: CHANNEL_CODES,
    enumName: 'Channel',
    description:
      'Only photos the clearance rule clears for this channel now, used as the photo is (its face shown when it ' +
      'shows one; marks not obscured, no name, unpaid); each item then carries the verdict.',
  })
  @IsOptional()
  @IsChannelCode()
  clearedFor?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_LIBRARY_PAGE,
    default: 50,
    description: 'Photos per page.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_LIBRARY_PAGE)
  limit?: number;

  @ApiPropertyOptional({ description: "The previous page's `nextCursor`, for the page after it." })
  @IsOptional()
  @IsPageCursor()
  before?: string;
}

export class LibraryVerdictDto {
  @ApiProperty({ enum: CHANNEL_CODES, enumName: 'Channel', description: 'The channel asked about in `clearedFor`.' })
  channel!: string;
  @ApiProperty({ description: 'Whether the use is cleared now (always true in a `clearedFor` listing).' })
  allowed!: boolean;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: "Until when it holds (the governing release's expiry); null without an expiry date.",
  })
  validUntil!: Date | null;
}

/** One photo of the library: de-identified, named by pseudonymous codes only. */
export class LibraryPhotoDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: PHOTO_KINDS }) kind!: PhotoKind;
  @ApiProperty({ type: String, nullable: true, description: 'View or angle, e.g. "front".' }) view!: string | null;
  @ApiProperty({ example: 'Rhinoplasty', description: "The case's procedure." }) procedure!: string;
  @ApiProperty({ type: String, nullable: true, example: 'nose' }) bodyArea!: string | null;
  @ApiProperty({ format: 'uuid', description: 'The case (pseudonymous).' }) caseId!: string;
  @ApiProperty({ example: 'P-7KQ2M', description: "The patient's pseudonymous code." }) patientCode!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) takenAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) uploadedAt!: Date;
  @ApiProperty({ description: 'Whether the face shows.' }) faceVisible!: boolean;
  @ApiProperty({ description: 'Whether a before/after pair of the same case exists for it.' }) hasPair!: boolean;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The photo it pairs with (either side of the pair), if any.',
  })
  pairedPhotoId!: string | null;
  @ApiProperty({ format: 'uri-reference', description: 'The 400 px WebP thumbnail.' }) thumbUrl!: string;
  @ApiPropertyOptional({ type: LibraryVerdictDto, description: 'With `clearedFor` only: the verdict for it.' })
  clearance?: LibraryVerdictDto;
}

export class LibraryPhotoPageDto {
  @ApiProperty({ type: [LibraryPhotoDto] }) items!: LibraryPhotoDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `before` for the next page.' })
  nextCursor!: string | null;
}
