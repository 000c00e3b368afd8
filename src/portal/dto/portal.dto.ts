import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsEmail, IsISO8601, IsObject, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { RevocationScopeDto } from '../../removals/dto/revocation.dto.js';

export class PortalAccessDto {
  @ApiProperty({ description: 'The email address the clinic has on file (the patient’s, or their guardian’s).' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ format: 'date', example: '1990-04-17', description: 'The patient’s date of birth.' })
  @IsISO8601({ strict: true }, { message: 'dateOfBirth must be a date (YYYY-MM-DD)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dateOfBirth must be a date (YYYY-MM-DD)' })
  dateOfBirth!: string;
}

export class PortalAccessAnswerDto {
  @ApiProperty() message!: string;
}

export class PortalSessionRequestDto {
  @ApiProperty({ description: 'The token from the mailed link (after `#token=`).' })
  @IsString()
  @MaxLength(200)
  token!: string;
}

export class PortalSessionDto {
  @ApiProperty({ description: 'Bearer token for the /portal routes.' }) token!: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt!: Date;
}

export class PortalRevocationDto {
  @ApiProperty({
    type: RevocationScopeDto,
    description:
      'What to withdraw: `{ "kind": "everything" }`, `{ "kind": "channels", "channels": ["social"] }`, or ' +
      '`{ "kind": "photos", "photoIds": [...] }` (your own photos).',
  })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => RevocationScopeDto)
  scope!: RevocationScopeDto;
}

export class PortalReleaseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['active', 'revoked', 'expired', 'narrowed'] }) status!: string;
  @ApiProperty({ type: String, format: 'date-time' }) signedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) expirationEvent!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: Date | null;
  @ApiProperty({ type: [String], description: 'What you allowed and did not, in plain words.' }) inWords!: string[];
  @ApiProperty({ description: 'Your copy of the signed form.' }) documentUrl!: string;
}

export class PortalPublicationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() channel!: string;
  @ApiProperty({ description: 'Where it appears, in words.' }) location!: string;
  @ApiProperty({ type: String, nullable: true }) url!: string | null;
  @ApiProperty({ enum: ['live', 'removal_pending', 'removed', 'not_removable'] }) status!: string;
  @ApiProperty({ type: String, format: 'date-time' }) publishedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) statusChangedAt!: Date;
}

export class PortalPhotoDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() kind!: string;
  @ApiProperty({ type: String, nullable: true }) view!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) takenAt!: Date | null;
  @ApiProperty() thumbnailUrl!: string;
  @ApiProperty({ type: [PortalPublicationDto] }) publications!: PortalPublicationDto[];
}

export class PortalTaskDto {
  @ApiProperty() channel!: string;
  @ApiProperty() location!: string;
  @ApiProperty({ enum: ['open', 'not_removable_requested', 'done', 'not_removable'] }) status!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it could not come down.' })
  notRemovableReason!: string | null;
}

export class PortalCaseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['open', 'completed'] }) status!: string;
  @ApiProperty({ type: String, format: 'date-time' }) openedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', description: 'By when everything must be down.' }) dueAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: Date | null;
  @ApiProperty({ description: 'Tasks done or settled, of all.' }) progress!: string;
  @ApiProperty({ type: [PortalTaskDto] }) tasks!: PortalTaskDto[];
}

export class PortalReceiptDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'When the request took effect.' }) receivedAt!: Date;
  @ApiProperty() receivedVia!: string;
  @ApiProperty({ description: 'What was withdrawn, in plain words.' }) inWords!: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) removalCaseId!: string | null;
}

export class PortalOverviewDto {
  @ApiProperty({ description: 'Your reference at the clinic.' }) code!: string;
  @ApiProperty({ type: [PortalReleaseDto] }) releases!: PortalReleaseDto[];
  @ApiProperty({ type: [PortalPhotoDto] }) photos!: PortalPhotoDto[];
  @ApiProperty({ type: [PortalCaseDto] }) removalCases!: PortalCaseDto[];
  @ApiProperty({ type: [PortalReceiptDto] }) revocations!: PortalReceiptDto[];
}
