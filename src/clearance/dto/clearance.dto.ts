import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { IsChannelCode, IsInstant, QueryBoolean } from '../../common/validators.js';
import { CHANNEL_CODES } from '../../rights/channels.js';
import { CLEARANCE_REASON_CODES, type ClearanceReasonCode } from '../../rights/clearance.js';

export const MAX_BATCH_CHECKS = 500;

/** An intended use of a photo, as marketing describes it. */
export class IntendedUseDto {
  @ApiProperty({ enum: CHANNEL_CODES, example: 'social.instagram' })
  @IsChannelCode()
  channel!: string;

  @ApiPropertyOptional({ description: 'Whether the face shows in this use. Defaults to whether the photo shows it.' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  faceShown?: boolean;

  @ApiPropertyOptional({
    description: "Whether the photo's identifying marks are obscured in this use.",
    default: false,
  })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  marksObscured?: boolean;

  @ApiPropertyOptional({ description: "Whether the patient's name is shown with the photo.", default: false })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  nameShown?: boolean;

  @ApiPropertyOptional({ description: 'Whether the placement is paid advertising.', default: false })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  paid?: boolean;

  @ApiPropertyOptional({
    description: 'When the use happens (ISO 8601 with zone). Defaults to now; a later time checks a scheduled post.',
  })
  @IsOptional()
  @IsInstant()
  at?: string;
}

export class ClearanceBatchItemDto extends IntendedUseDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  photoId!: string;
}

export class ClearanceBatchDto {
  @ApiProperty({ type: [ClearanceBatchItemDto], minItems: 1, maxItems: MAX_BATCH_CHECKS })
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
  @ApiProperty({ enum: CHANNEL_CODES }) channel!: string;
  @ApiProperty() faceShown!: boolean;
  @ApiProperty() marksObscured!: boolean;
  @ApiProperty() nameShown!: boolean;
  @ApiProperty() paid!: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) at!: Date;
}

export class ClearanceDto {
  @ApiProperty({ format: 'uuid' }) photoId!: string;
  @ApiProperty({ type: CheckedUseDto, description: 'The use decided on, defaults filled in.' }) use!: CheckedUseDto;
  @ApiProperty() allowed!: boolean;
  @ApiProperty({ type: [ClearanceReasonDto], description: 'Every rule that failed; empty when allowed.' })
  reasons!: ClearanceReasonDto[];
  @ApiProperty({ type: [String], example: ['Crop or obscure the face.'] }) remedies!: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The governing release.' })
  releaseId!: string | null;
  @ApiProperty({ type: Number, nullable: true }) releaseVersion!: number | null;
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
