import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { OptionalNotNull } from '../../common/validators.js';

const REASON_LIMIT = 1000;
export const MAX_HELD_PHOTOS = 500;
// Something besides white space.
const NOT_BLANK = /\S/;

export class PlaceHoldDto {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: "The patient's photos to hold; omitted, every photo of the patient, including later uploads.",
    maxItems: MAX_HELD_PHOTOS,
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_HELD_PHOTOS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  photoIds?: string[];

  @ApiProperty({
    description: 'Why, for the audit trail and for marketing, who sees it as the reason a use is refused.',
    example: 'Revocation request by phone, identity being verified',
    maxLength: REASON_LIMIT,
  })
  @IsString()
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @MaxLength(REASON_LIMIT)
  reason!: string;
}

export class LiftHoldDto {
  @ApiPropertyOptional({ example: 'Identity verified; the patient withdrew the request', maxLength: REASON_LIMIT })
  @OptionalNotNull()
  @IsString()
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @MaxLength(REASON_LIMIT)
  reason?: string;
}

export class HoldDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty({ type: [String], nullable: true, description: 'Null: every photo of the patient.' })
  photoIds!: string[] | null;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: String, format: 'date-time' }) placedAt!: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) placedByUserId!: string | null;
  @ApiProperty({ description: 'Whether the hold stands.' }) active!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) liftedAt!: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) liftedByUserId!: string | null;
  @ApiProperty({ type: String, nullable: true }) liftReason!: string | null;
}

export class HoldListDto {
  @ApiProperty({ type: [HoldDto], description: 'Newest first, standing and lifted.' }) items!: HoldDto[];
}
