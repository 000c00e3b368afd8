import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { IsInstant, QueryBoolean } from '../../common/validators.js';
import { CHANNEL_CODES, IsChannelCode } from '../channels.js';
import { CLEARANCE_REASON_CODES, type ClearanceReasonCode } from '../clearance.js';

export const MAX_BATCH_CHECKS = 500;

/** An intended use of a photo, as marketing describes it. */
export class IntendedUseDto {
  @ApiProperty({
    enum: CHANNEL_CODES,
    enumName: 'Channel',
    example: 'social.instagram',
    description: 'Where the photo would appear: a channel code (`social.instagram`, `website`, `print`, …).',
  })
  @IsChannelCode()
  channel!: string;

  @ApiPropertyOptional({
    description: 'Whether the face shows in this use. Defaults to whether the photo shows it.',
    example: false,
  })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  faceShown?: boolean;

  @ApiPropertyOptional({
    description: "Whether the photo's identifying marks are obscured in this use. Defaults to false.",
    example: true,
  })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  marksObscured?: boolean;

  @ApiPropertyOptional({
    description: "Whether the patient's name is shown with the photo. Defaults to false.",
    example: false,
  })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  nameShown?: boolean;

  @ApiPropertyOptional({ description: 'Whether the placement is paid advertising. Defaults to false.', example: false })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  paid?: boolean;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-05-04T09:00:00Z',
    description: 'When the use happens (ISO 8601 with zone). Defaults to now; a later time checks a scheduled post.',
  })
  @IsOptional()
  @IsInstant()
  at?: string;
}

/** One photo and an intended use of it. */
export class ClearanceBatchItemDto extends IntendedUseDto {
  @ApiProperty({ format: 'uuid', example: '3f1c2a9e-6b7d-4e21-9a0c-5d8e7f6a1b23', description: 'The photo.' })
  @IsUUID()
  photoId!: string;
}

export class ClearanceBatchDto {
  @ApiProperty({
    type: [ClearanceBatchItemDto],
    minItems: 1,
    maxItems: MAX_BATCH_CHECKS,
    description: 'The checks to decide, 1 to 500; the answer keeps their order.',
    example: [
      { photoId: '3f1c2a9e-6b7d-4e21-9a0c-5d8e7f6a1b23', channel: 'social.instagram', marksObscured: true },
      {
        photoId: '8a4d0c7b-2e5f-4a13-b6c9-0f1e2d3c4b5a',
        channel: 'website',
        faceShown: false,
        at: '2026-05-04T09:00:00Z',
      },
    ],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_CHECKS)
  @ValidateNested({ each: true })
  @Type(() => ClearanceBatchItemDto)
  checks!: ClearanceBatchItemDto[];
}

export class ClearanceReasonDto {
  @ApiProperty({ enum: CLEARANCE_REASON_CODES }) code!: ClearanceReasonCode;
  @ApiProperty({ example: 'The release does not allow the face to be shown.' }) message!: string;
}

export class CheckedUseDto {
  @ApiProperty({ enum: CHANNEL_CODES, enumName: 'Channel' }) channel!: string;
  @ApiProperty() faceShown!: boolean;
  @ApiProperty() marksObscured!: boolean;
  @ApiProperty() nameShown!: boolean;
  @ApiProperty() paid!: boolean;
  @ApiProperty({ type: String, format: 'date-time', description: 'The moment the use was decided for.' }) at!: Date;
}

export class ClearanceDto {
  @ApiProperty({ format: 'uuid' }) photoId!: string;
  @ApiProperty({ type: CheckedUseDto, description: 'The use decided on, defaults filled in.' }) use!: CheckedUseDto;
  @ApiProperty({ description: 'Whether the use is cleared.' }) allowed!: boolean;
  @ApiProperty({ type: [ClearanceReasonDto], description: 'Every rule that failed; empty when allowed.' })
  reasons!: ClearanceReasonDto[];
  @ApiProperty({
    type: [String],
    example: ['Crop or obscure the face.'],
    description: 'Changes to the use (or the paperwork) that would make it pass, where there are any.',
  })
  remedies!: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The governing release.' })
  releaseId!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: "The governing release's version." })
  releaseVersion!: number | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: "Until when an allowance holds (the release's expiry); null without an expiry date or when denied.",
  })
  validUntil!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', description: 'When the service decided.' }) checkedAt!: Date;
}

export class ClearanceBatchResultDto {
  @ApiProperty({ type: [ClearanceDto], description: 'One decision per check, in the order asked.' })
  results!: ClearanceDto[];
}

export class LookupCropDto {
  @ApiProperty({ example: 0.05 }) left!: number;
  @ApiProperty({ example: 0 }) top!: number;
  @ApiProperty({ example: 0.02 }) right!: number;
  @ApiProperty({ example: 0.1 }) bottom!: number;
}

export class LookupMatchDto {
  @ApiProperty({ format: 'uuid' }) photoId!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: ['before', 'after', 'progress'] }) kind!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The view or angle, e.g. "front" or "left oblique", if recorded.',
  })
  view!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The before or after it is paired with.' })
  pairedPhotoId!: string | null;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 64,
    description: "Bits between the file's hash and the photo's.",
  })
  distance!: number;
  @ApiProperty({ description: 'Correlation of grey levels once aligned (1 is identical).', example: 0.987 })
  similarity!: number;
  @ApiProperty({ type: LookupCropDto, description: 'How much of the photo the file lacks on each side, in fractions.' })
  crop!: LookupCropDto;
  @ApiProperty({ type: ClearanceDto, description: 'Whether the photo may be used as intended.' })
  clearance!: ClearanceDto;
}

export class ClearanceLookupResultDto {
  @ApiProperty({ description: 'Hex SHA-256 of the file looked up, as recorded in the audit trail.' }) sha256!: string;
  @ApiProperty({ type: [LookupMatchDto], description: 'The photos the file is a copy of, best first; may be empty.' })
  matches!: LookupMatchDto[];
}
