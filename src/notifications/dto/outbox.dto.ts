import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsPageCursor } from '../../common/page-cursor.js';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { OptionalNotNull } from '../../common/validators.js';
import { MESSAGE_DELIVERIES, MESSAGE_KINDS, type MessageDelivery, type MessageKind } from '../outbox-message.entity.js';

export const MAX_OUTBOX_PAGE = 200;

export class OutboxQueryDto {
  @ApiPropertyOptional({
    enum: MESSAGE_DELIVERIES,
    enumName: 'MessageDelivery',
    description: 'Messages in this state.',
  })
  @OptionalNotNull()
  @IsIn(MESSAGE_DELIVERIES)
  delivery?: MessageDelivery;

  @ApiPropertyOptional({ enum: MESSAGE_KINDS, enumName: 'MessageKind', description: 'Messages of this kind.' })
  @OptionalNotNull()
  @IsIn(MESSAGE_KINDS)
  kind?: MessageKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'Messages about this removal case.' })
  @OptionalNotNull()
  @IsUUID('all')
  removalCaseId?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    default: 50,
    maximum: MAX_OUTBOX_PAGE,
    description: 'Messages per page.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_OUTBOX_PAGE)
  limit?: number;

  @ApiPropertyOptional({
    pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z_[0-9a-f-]{36}$',
    description: "The previous page's `nextCursor`.",
  })
  @IsOptional()
  @IsPageCursor()
  before?: string;
}

export class OutboxMessageDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ enum: MESSAGE_KINDS, enumName: 'MessageKind', description: 'What the message is about.' })
  kind!: MessageKind;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description:
      "null: no address on file; send it by post. Absent when it is a patient's and the caller may not see " +
      'identified data (`identifiedWithheld`).',
  })
  to?: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The staff member it is to, if any.' })
  recipientUserId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The patient it is to, if any.' })
  recipientPatientId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The removal case it is about, if any.' })
  removalCaseId!: string | null;
  @ApiProperty({ description: 'Names the patient by code only.' }) subject!: string;
  @ApiPropertyOptional({
    description:
      "Absent for a message to a patient when the caller may not see identified data. A sign-in link's token " +
      'is never shown.',
  })
  body?: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The file mailed with it (the signed release a patient is sent a copy of); null when none.',
  })
  attachmentName!: string | null;
  @ApiProperty({ description: 'Whether `to` and `body` were left out: the message is to a patient.' })
  identifiedWithheld!: boolean;
  @ApiProperty({
    enum: MESSAGE_DELIVERIES,
    enumName: 'MessageDelivery',
    description:
      '`outbox`: kept here to be read (no SMTP server is configured); `pending`: waiting for delivery by SMTP; ' +
      '`sent`; `undeliverable`: no address on file, so it goes by post.',
  })
  delivery!: MessageDelivery;
  @ApiProperty({ type: 'integer', description: 'Delivery attempts by SMTP so far.' }) attempts!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The last SMTP delivery error; null when none, or when it is a patient's and withheld.",
  })
  lastError!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it was sent by SMTP.' })
  sentAt!: Date | null;
}

export class OutboxPageDto {
  @ApiProperty({ type: [OutboxMessageDto] }) items!: OutboxMessageDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `before` for the next (older) page; null on the last page.',
  })
  nextCursor!: string | null;
}
