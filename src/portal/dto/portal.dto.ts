import { FORM_LANGUAGES, type FormLanguage } from '../../forms/form-template.entity.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PHOTO_KINDS } from '../../photos/photo.entity.js';
import { PUBLICATION_STATUSES } from '../../publications/publication.entity.js';
import { RevocationScopeDto } from '../../revocations/dto/revocation.dto.js';
import { REMOVAL_CASE_STATUSES } from '../../removals/removal-case.entity.js';
import { REMOVAL_TASK_STATUSES } from '../../removals/removal-task.entity.js';
import { RECEIVED_VIA } from '../../revocations/revocation.entity.js';
import { CHANNEL_CODES } from '../../rights/channels.js';

export class PortalAccessDto {
  @ApiProperty({
    format: 'email',
    maxLength: 320,
    example: 'jane.roe@example.com',
    description: 'The email address the clinic has on file (the patient’s, or their guardian’s).',
  })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ format: 'date', example: '1990-04-17', description: 'The patient’s date of birth.' })
  @IsISO8601({ strict: true }, { message: 'dateOfBirth must be a date (YYYY-MM-DD)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dateOfBirth must be a date (YYYY-MM-DD)' })
  dateOfBirth!: string;
}

export class PortalAccessAnswerDto {
  @ApiProperty({
    description: 'What happens next, for the patient to read; the same whether or not anything matched.',
    example:
      'If these details match our records, a sign-in link is on its way to the email address on file. ' +
      'It works once, for a short time.',
  })
  message!: string;
}

export class PortalSessionRequestDto {
  @ApiProperty({
    maxLength: 200,
    example: 'pcs_l_Xk3q9vT2mB8wR1nJ5yH7cF0dL4sA6gE2pZ8uQ3iO1tV',
    description: 'The token from the mailed link (after `#token=`).',
  })
  @IsString()
  @MaxLength(200)
  token!: string;
}

export class PortalSessionDto {
  @ApiProperty({ description: 'Bearer token for the /portal routes (`pcs_p_…`).' }) token!: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'When the session ends at the latest.' })
  expiresAt!: Date;
}

export class PortalRevocationDto {
  @ApiProperty({
    type: RevocationScopeDto,
    description:
      'What to withdraw: `{ "kind": "everything" }`, `{ "kind": "channels", "channels": ["social"] }`, or ' +
      '`{ "kind": "photos", "photoIds": [...] }` (your own photos).',
    example: { kind: 'channels', channels: ['social'] },
  })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => RevocationScopeDto)
  scope!: RevocationScopeDto;

  @ApiPropertyOptional({ enum: FORM_LANGUAGES, default: 'en', description: 'The language of the receipt’s words.' })
  @IsOptional()
  @IsIn(FORM_LANGUAGES)
  language?: FormLanguage;
}

export class PortalLanguageQueryDto {
  @ApiPropertyOptional({ enum: FORM_LANGUAGES, default: 'en', description: 'The language of the sentences.' })
  @IsOptional()
  @IsIn(FORM_LANGUAGES)
  language?: FormLanguage;
}

export class PortalReleaseDto {
  @ApiProperty({ format: 'uuid', description: 'The current version of the release.' }) id!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({
    enum: ['active', 'revoked', 'expired', 'narrowed', 'not_valid'],
    description:
      '`narrowed`: still in force, but you withdrew part of it (see `inWords`). `not_valid`: the signed form ' +
      'lacks something a valid authorization needs, so the clinic may not use your photos under it.',
  })
  status!: string;
  @ApiProperty({ type: String, format: 'date-time' }) signedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt!: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'The event that ends the release, if it names one.' })
  expirationEvent!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: Date | null;
  @ApiProperty({ type: [String], description: 'What you allowed and did not, in plain words.' }) inWords!: string[];
  @ApiProperty({
    description: 'Your copy of the signed form: a path on this service, fetched with the session.',
    example: '/api/v1/portal/releases/0b6f3c1e-2a4d-4c8e-9f17-5e3d2c1b0a98/document',
  })
  documentUrl!: string;
}

export class PortalPublicationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CHANNEL_CODES, enumName: 'Channel' }) channel!: string;
  @ApiProperty({ description: 'Where it appears, in words.' }) location!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Its address, when it has one.' }) url!: string | null;
  @ApiProperty({ enum: PUBLICATION_STATUSES }) status!: string;
  @ApiProperty({ type: String, format: 'date-time' }) publishedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) statusChangedAt!: Date;
}

export class PortalPhotoDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: PHOTO_KINDS }) kind!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The view or angle, e.g. "front", if recorded.' })
  view!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) takenAt!: Date | null;
  @ApiProperty({
    description: 'Its thumbnail: a path on this service, fetched with the session.',
    example: '/api/v1/portal/photos/3f1c2a9e-6b7d-4e21-9a0c-5d8e7f6a1b23/thumbnail',
  })
  thumbnailUrl!: string;
  @ApiProperty({ type: [PortalPublicationDto], description: 'Where the photo is or was published.' })
  publications!: PortalPublicationDto[];
}

export class PortalTaskDto {
  @ApiProperty({ enum: CHANNEL_CODES, enumName: 'Channel' }) channel!: string;
  @ApiProperty({ description: 'Where the publication appears, in words.' }) location!: string;
  @ApiProperty({ enum: REMOVAL_TASK_STATUSES }) status!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it could not come down.' })
  notRemovableReason!: string | null;
}

export class PortalCaseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: REMOVAL_CASE_STATUSES }) status!: string;
  @ApiProperty({ type: String, format: 'date-time' }) openedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', description: 'By when everything must be down.' }) dueAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: Date | null;
  @ApiProperty({ description: 'Tasks done or settled, of all.', example: '2 of 3 done' }) progress!: string;
  @ApiProperty({ type: [PortalTaskDto] }) tasks!: PortalTaskDto[];
}

export class PortalReceiptDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'When the request took effect.' }) receivedAt!: Date;
  @ApiProperty({ enum: RECEIVED_VIA, description: 'How the withdrawal reached the clinic.' }) receivedVia!: string;
  @ApiProperty({ description: 'What was withdrawn, in plain words.' }) inWords!: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The removal case the withdrawal opened, if any.',
  })
  removalCaseId!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The sealed receipt (PDF) of a withdrawal made in the portal; null for one made at the clinic.',
  })
  receiptUrl!: string | null;
}

export class PortalOverviewDto {
  @ApiProperty({ description: 'Your reference at the clinic.' }) code!: string;
  @ApiProperty({ type: [PortalReleaseDto] }) releases!: PortalReleaseDto[];
  @ApiProperty({ type: [PortalPhotoDto] }) photos!: PortalPhotoDto[];
  @ApiProperty({ type: [PortalCaseDto] }) removalCases!: PortalCaseDto[];
  @ApiProperty({ type: [PortalReceiptDto], description: 'Your withdrawals, newest first.' })
  revocations!: PortalReceiptDto[];
}
