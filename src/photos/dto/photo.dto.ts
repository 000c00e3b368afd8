import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Identified } from '../../common/identified.js';
import { IsInstant } from '../../common/validators.js';
import { PHOTO_CONTENT_TYPES } from '../../images/image.service.js';
import { PHOTO_KINDS, RENDITION_NAMES, type PhotoKind, type RenditionName } from '../photo.entity.js';

/** The `metadata` part of a photo upload. */
export class PhotoUploadMetadataDto {
  @ApiProperty({
    enum: PHOTO_KINDS,
    example: 'before',
    description: 'A before photo pairs with an after or progress photo of the same case.',
  })
  @IsIn(PHOTO_KINDS)
  kind!: PhotoKind;

  @ApiPropertyOptional({ maxLength: 100, example: 'front', description: 'View or angle.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  view?: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'nose', description: 'The anatomical area shown.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  bodyArea?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-03-02T09:30:00Z',
    description: 'When the photo was taken, with its time zone.',
  })
  @IsOptional()
  @IsInstant()
  takenAt?: string;

  @ApiProperty({ example: false, description: "Whether the patient's face can be seen." })
  @IsBoolean()
  faceVisible!: boolean;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 20,
    example: ['tattoo, left forearm'],
    description: 'Marks that could identify the patient, such as tattoos (1 to 200 characters each).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  identifyingMarks?: string[];

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The photo of the same case this one pairs with: a before for an after, or the reverse.',
  })
  @IsOptional()
  @IsUUID()
  pairedWithPhotoId?: string;
}

/** The path parameters of a rendition; the route documents them with `@ApiParam`. */
export class RenditionParamsDto {
  @IsUUID()
  id!: string;

  @IsIn(RENDITION_NAMES)
  name!: RenditionName;
}

export class RenditionDto {
  @ApiProperty({ enum: ['image/jpeg', 'image/webp'], example: 'image/jpeg' }) contentType!: string;
  @ApiProperty({ type: 'integer', description: 'Pixels.' }) width!: number;
  @ApiProperty({ type: 'integer', description: 'Pixels.' }) height!: number;
  @ApiProperty({ type: 'integer', description: 'Size of the stored rendition.' }) bytes!: number;
  @ApiProperty({
    format: 'uri-reference',
    example: '/api/v1/photos/4b1d2c3e-5f60-4a7b-8c9d-0e1f2a3b4c5d/renditions/web',
    description: 'Where to get it, relative to the service.',
  })
  url!: string;
}

export class PhotoSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: PHOTO_KINDS }) kind!: PhotoKind;
  @ApiProperty({ type: String, nullable: true, description: 'View or angle.' }) view!: string | null;
  @ApiProperty({ type: String, nullable: true }) bodyArea!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) takenAt!: Date | null;
  @ApiProperty() faceVisible!: boolean;
  @ApiProperty({ type: [String] }) identifyingMarks!: string[];
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The photo named as its pair when this one was uploaded.',
  })
  pairedPhotoId!: string | null;
  @ApiProperty({
    format: 'uri-reference',
    example: '/api/v1/photos/4b1d2c3e-5f60-4a7b-8c9d-0e1f2a3b4c5d/renditions/thumb',
  })
  thumbUrl!: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: Date;
}

export class OriginalDto {
  @ApiProperty({ enum: PHOTO_CONTENT_TYPES }) contentType!: string;
  @ApiProperty({ type: 'integer', description: 'Pixels, upright (after the EXIF orientation).' }) width!: number;
  @ApiProperty({ type: 'integer', description: 'Pixels, upright (after the EXIF orientation).' }) height!: number;
  @ApiProperty({ type: 'integer' }) bytes!: number;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'Hex SHA-256 of the original as stored.' }) sha256!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "The uploader's file name, sanitised; left out for roles not allowed identified data.",
  })
  @Identified()
  fileName!: string | null;
}

export class PhotoDto extends PhotoSummaryDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty({ example: 'P-7KQ2M' }) patientCode!: string;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Photos of the case paired with this one, either way.' })
  pairedWith!: string[];
  @ApiProperty({ pattern: '^[0-9a-f]{16}$', description: '64-bit difference hash, 16 hex digits.' })
  perceptualHash!: string;
  @ApiProperty({ type: OriginalDto }) original!: OriginalDto;
  @ApiProperty({ type: RenditionDto }) web!: RenditionDto;
  @ApiProperty({ type: RenditionDto }) thumb!: RenditionDto;
}
