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
    example: ['3c9e7b1a-5f24-4d8e-b0a6-9e2f7c41d853'],
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_HELD_PHOTOS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  photoIds?: string[];

  @ApiProperty({
    description:
      'Why the hold is placed, kept on the hold for those who read holds (clearance answers say only that the ' +
      'photo is on hold, since when).',
    example: 'Revocation request by phone, identity being verified',
    maxLength: REASON_LIMIT,
  })
  @IsString()
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @MaxLength(REASON_LIMIT)
  reason!: string;
}

export class LiftHoldDto {
  @ApiPropertyOptional({
    description: 'Why it is lifted, for the record.',
    example: 'Identity verified; the patient withdrew the request',
    maxLength: REASON_LIMIT,
  })
  @OptionalNotNull()
  @IsString()
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @MaxLength(REASON_LIMIT)
  reason?: string;
}

export class HoldDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    nullable: true,
    description: 'The held photos; null: every photo of the patient, later uploads included.',
  })
  photoIds!: string[] | null;
  @ApiProperty({ description: 'Why it was placed.' }) reason!: string;
  @ApiProperty({ type: String, format: 'date-time' }) placedAt!: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The staff member who placed it.' })
  placedByUserId!: string | null;
  @ApiProperty({ description: 'Whether the hold stands (not lifted).' }) active!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null while it stands.' })
  liftedAt!: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) liftedByUserId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was lifted, if given.' }) liftReason!:
    string | null;
}

export class HoldListDto {
  @ApiProperty({ type: [HoldDto], description: 'Newest first, standing and lifted.' }) items!: HoldDto[];
}
