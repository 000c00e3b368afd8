import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsPageCursor } from '../../common/page-cursor.js';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { OptionalNotNull } from '../../common/validators.js';
import { MESSAGE_DELIVERIES, MESSAGE_KINDS, type MessageDelivery, type MessageKind } from '../outbox-message.entity.js';

export const MAX_OUTBOX_PAGE = 200;

export class OutboxQueryDto {
  @ApiPropertyOptional({ enum: MESSAGE_DELIVERIES })
  @OptionalNotNull()
  @IsIn(MESSAGE_DELIVERIES)
  delivery?: MessageDelivery;

  @ApiPropertyOptional({ enum: MESSAGE_KINDS })
  @OptionalNotNull()
  @IsIn(MESSAGE_KINDS)
  kind?: MessageKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @OptionalNotNull()
  @IsUUID('all')
  removalCaseId?: string;

  @ApiPropertyOptional({ default: 50, maximum: MAX_OUTBOX_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_OUTBOX_PAGE)
  limit?: number;

  @ApiPropertyOptional({ description: "The previous page's `nextCursor`." })
  @IsOptional()
  @IsPageCursor()
  before?: string;
}

export class OutboxMessageDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ enum: MESSAGE_KINDS }) kind!: MessageKind;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description:
      "null: no address on file; send it by post. Absent when it is a patient's and the caller may not see " +
      'identified data (`identifiedWithheld`).',
  })
  to?: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) recipientUserId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) recipientPatientId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) removalCaseId!: string | null;
  @ApiProperty({ description: 'Names the patient by code only.' }) subject!: string;
  @ApiPropertyOptional({
    description:
      "Absent for a message to a patient when the caller may not see identified data. A sign-in link's token " +
      'is never shown.',
  })
  body?: string;
  @ApiProperty({ description: 'Whether `to` and `body` were left out: the message is to a patient.' })
  identifiedWithheld!: boolean;
  @ApiProperty({ enum: MESSAGE_DELIVERIES }) delivery!: MessageDelivery;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: Date | null;
}

export class OutboxPageDto {
  @ApiProperty({ type: [OutboxMessageDto] }) items!: OutboxMessageDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
