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
import { PHOTO_KINDS, RENDITION_NAMES, type PhotoKind, type RenditionName } from '../photo.entity.js';

/** The `metadata` part of a photo upload. */
export class PhotoUploadMetadataDto {
  @ApiProperty({ enum: PHOTO_KINDS })
  @IsIn(PHOTO_KINDS)
  kind!: PhotoKind;

  @ApiPropertyOptional({ example: 'front', description: 'View or angle.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  view?: string;

  @ApiPropertyOptional({ example: 'nose' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  bodyArea?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsInstant()
  takenAt?: string;

  @ApiProperty({ description: "Whether the patient's face can be seen." })
  @IsBoolean()
  faceVisible!: boolean;

  @ApiPropertyOptional({ type: [String], example: ['tattoo, left forearm'] })
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

export class RenditionParamsDto {
  @IsUUID()
  id!: string;

  @IsIn(RENDITION_NAMES)
  name!: RenditionName;
}

export class RenditionDto {
  @ApiProperty({ example: 'image/jpeg' }) contentType!: string;
  @ApiProperty() width!: number;
  @ApiProperty() height!: number;
  @ApiProperty() bytes!: number;
  @ApiProperty({ example: '/api/v1/photos/…/renditions/web' }) url!: string;
}

export class PhotoSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: PHOTO_KINDS }) kind!: PhotoKind;
  @ApiPropertyOptional({ type: String, nullable: true }) view!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) bodyArea!: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) takenAt!: Date | null;
  @ApiProperty() faceVisible!: boolean;
  @ApiProperty({ type: [String] }) identifyingMarks!: string[];
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) pairedPhotoId!: string | null;
  @ApiProperty({ example: '/api/v1/photos/…/renditions/thumb' }) thumbUrl!: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: Date;
}

export class OriginalDto {
  @ApiProperty() contentType!: string;
  @ApiProperty() width!: number;
  @ApiProperty() height!: number;
  @ApiProperty() bytes!: number;
  @ApiProperty({ description: 'Hex SHA-256 of the original as stored.' }) sha256!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: "The uploader's file name, sanitised." })
  @Identified()
  fileName!: string | null;
}

export class PhotoDto extends PhotoSummaryDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty({ example: 'P-7KQ2M' }) patientCode!: string;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Photos of the case paired with this one, either way.' })
  pairedWith!: string[];
  @ApiProperty({ description: '64-bit difference hash, 16 hex digits.' }) perceptualHash!: string;
  @ApiProperty({ type: OriginalDto }) original!: OriginalDto;
  @ApiProperty({ type: RenditionDto }) web!: RenditionDto;
  @ApiProperty({ type: RenditionDto }) thumb!: RenditionDto;
}
