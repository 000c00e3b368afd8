import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { ACTOR_TYPES, AUDIT_OUTCOMES, type ActorType, type AuditOutcome } from '../audit-event.entity.js';
import type { BrokenLinkProblem } from '../audit-trail.service.js';

export class AuditFilterQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Events concerning this patient.' })
  @IsOptional()
  @IsUUID()
  patientId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Events by this user or API key.' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({
    maxLength: 64,
    example: 'user',
    description: 'Events concerning records of this kind, e.g. `user`, `patient`, `release`, `session`.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityType?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Events concerning the record with this id.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  entityId?: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'auth.login', description: 'Events of this audited action.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;

  @ApiPropertyOptional({ enum: AUDIT_OUTCOMES, description: 'Done, or a denied attempt.' })
  @IsOptional()
  @IsIn(AUDIT_OUTCOMES)
  outcome?: AuditOutcome;

  @ApiPropertyOptional({ format: 'date-time', description: 'Events recorded at or after this instant.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Events recorded before this instant.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class AuditPageQueryDto extends AuditFilterQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 100, description: 'Events per page.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ pattern: '^\\d{1,18}$', description: "The previous page's `nextCursor`." })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'before must be a cursor returned by a previous page' })
  before?: string;
}

export class AuditEventDto {
  @ApiProperty({ description: 'The event’s number (a 64-bit integer, as text): later events have larger ones.' })
  id!: string;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt!: Date;
  @ApiProperty({ enum: ACTOR_TYPES }) actorType!: ActorType;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The user’s, API key’s or patient’s id; null for the system and anonymous callers.',
  })
  actorId!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Who that was at the time: staff email, key name or patient code.',
  })
  actorLabel!: string | null;
  @ApiProperty({ description: 'The audited action, e.g. `auth.login`, `user.update`.' }) action!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The kind of record concerned, e.g. `user`.' })
  entityType!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The id of the record concerned.' })
  entityId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The patient whose data this concerns.' })
  patientId!: string | null;
  @ApiProperty({ enum: AUDIT_OUTCOMES }) outcome!: AuditOutcome;
  @ApiProperty({ type: String, nullable: true, description: 'The `X-Request-Id` of the request that did it.' })
  requestId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The client address the request came from.' })
  clientIp!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'Identifiers, codes and reasons of the action; without `patients.read`, fields that could identify a ' +
      'patient are left out.',
  })
  details!: Record<string, unknown>;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Position in the hash chain (a 64-bit integer, as text); null until sealed.',
  })
  seq!: string | null;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEventDto] }) items!: AuditEventDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `before` for the next (older) page; null when this page is not full.',
  })
  nextCursor!: string | null;
}

class ChainHeadDto {
  @ApiProperty({ description: 'The last seal’s position (a 64-bit integer, as text).' }) seq!: string;
  @ApiProperty({ description: 'The last seal’s SHA-256, in hex.' }) hash!: string;
}

class BrokenLinkDto {
  @ApiProperty({ description: 'The broken seal’s position (a 64-bit integer, as text).' }) seq!: string;
  @ApiProperty({ description: 'The id of the event that seal covers.' }) eventId!: string;
  @ApiProperty({ enum: ['event_missing', 'event_altered', 'link_broken', 'sequence_gap'] })
  problem!: BrokenLinkProblem;
  @ApiProperty({ description: 'What `problem` means, in words.' }) message!: string;
}

export class ChainVerificationDto {
  @ApiProperty({ description: 'true: no broken link and no unchained event.' }) intact!: boolean;
  @ApiProperty({ type: 'integer', description: 'Events in the hash chain.' }) sealedEvents!: number;
  @ApiProperty({
    type: ChainHeadDto,
    nullable: true,
    description: 'The chain’s last link; null while nothing is sealed. Record it elsewhere to detect truncation later.',
  })
  head!: ChainHeadDto | null;
  @ApiProperty({ type: 'integer', description: 'Events queued for sealing, not yet in the chain.' })
  pendingEvents!: number;
  @ApiProperty({
    type: 'integer',
    description: 'Events neither sealed nor queued for sealing: a sign of tampering.',
  })
  unchainedEvents!: number;
  @ApiProperty({ type: BrokenLinkDto, nullable: true, description: 'The first broken link; null when there is none.' })
  firstBrokenLink!: BrokenLinkDto | null;
  @ApiProperty({ type: 'integer', description: 'How long the check took, in milliseconds.' }) durationMs!: number;
}
