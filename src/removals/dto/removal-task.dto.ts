import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IsInstant, OptionalNotNull } from '../../common/validators.js';

const TEXT_LIMIT = 2000;
const NOT_BLANK = /\S/;
/** The evidence a person brings; the service records its own (hosted takedowns, URL checks) itself. */
export const PERSONAL_EVIDENCE_KINDS = ['attestation', 'screenshot'] as const;
export type PersonalEvidenceKind = (typeof PERSONAL_EVIDENCE_KINDS)[number];

export class TaskEvidenceDto {
  @ApiProperty({
    enum: PERSONAL_EVIDENCE_KINDS,
    description: '`attestation`: a written statement; `screenshot`: the image sent as the `screenshot` file.',
  })
  @IsIn(PERSONAL_EVIDENCE_KINDS)
  kind!: PersonalEvidenceKind;

  @ApiPropertyOptional({
    description: 'Required for an attestation: what was removed, where and how it was confirmed.',
    example: 'Deleted the Instagram post C1 and checked the profile grid',
    maxLength: TEXT_LIMIT,
  })
  @OptionalNotNull()
  @IsString()
  @Matches(NOT_BLANK, { message: 'statement must not be blank' })
  @MaxLength(TEXT_LIMIT)
  statement?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the removal was seen.' })
  @OptionalNotNull()
  @IsInstant()
  observedAt?: string;
}

export class CompleteTaskDto {
  @ApiProperty({ type: TaskEvidenceDto })
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
  @ApiProperty({ format: 'uuid', description: 'An active staff member who works removal tasks.' })
  @IsUUID('all')
  userId!: string;
}

export class SetTaskOwnerDto {
  @ApiProperty({ format: 'uuid', description: 'An active staff member who works removal tasks.' })
  @IsUUID('all')
  userId!: string;
}

export class TaskOwnerDto {
  @ApiProperty({ description: 'A channel code; a prefix (`social`) covers the channels under it.' }) channel!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
}
