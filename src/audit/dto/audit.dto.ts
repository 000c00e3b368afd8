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

  @ApiPropertyOptional({ example: 'user' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  entityId?: string;

  @ApiPropertyOptional({ example: 'auth.login' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;

  @ApiPropertyOptional({ enum: AUDIT_OUTCOMES })
  @IsOptional()
  @IsIn(AUDIT_OUTCOMES)
  outcome?: AuditOutcome;

  @ApiPropertyOptional({ format: 'date-time', description: 'Inclusive.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Exclusive.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class AuditPageQueryDto extends AuditFilterQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: "The previous page's `nextCursor`." })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'before must be a cursor returned by a previous page' })
  before?: string;
}

export class AuditEventDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: Date;
  @ApiProperty({ enum: ACTOR_TYPES }) actorType!: ActorType;
  @ApiProperty({ type: String, nullable: true }) actorId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Staff email, key name or patient code.' })
  actorLabel!: string | null;
  @ApiProperty() action!: string;
  @ApiProperty({ type: String, nullable: true }) entityType!: string | null;
  @ApiProperty({ type: String, nullable: true }) entityId!: string | null;
  @ApiProperty({ type: String, nullable: true }) patientId!: string | null;
  @ApiProperty({ enum: AUDIT_OUTCOMES }) outcome!: AuditOutcome;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty({ type: String, nullable: true }) clientIp!: string | null;
  @ApiProperty({ type: Object }) details!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true, description: 'Position in the hash chain; null until sealed.' })
  seq!: string | null;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEventDto] }) items!: AuditEventDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `before` for the next (older) page.' })
  nextCursor!: string | null;
}

class ChainHeadDto {
  @ApiProperty() seq!: string;
  @ApiProperty({ description: 'hex' }) hash!: string;
}

class BrokenLinkDto {
  @ApiProperty() seq!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty({ enum: ['event_missing', 'event_altered', 'link_broken', 'sequence_gap'] })
  problem!: BrokenLinkProblem;
  @ApiProperty() message!: string;
}

export class ChainVerificationDto {
  @ApiProperty() intact!: boolean;
  @ApiProperty() sealedEvents!: number;
  @ApiProperty({ type: ChainHeadDto, nullable: true, description: 'Record it elsewhere to detect truncation later.' })
  head!: ChainHeadDto | null;
  @ApiProperty() pendingEvents!: number;
  @ApiProperty({ description: 'Events neither sealed nor queued for sealing: a sign of tampering.' })
  unchainedEvents!: number;
  @ApiProperty({ type: BrokenLinkDto, nullable: true }) firstBrokenLink!: BrokenLinkDto | null;
  @ApiProperty() durationMs!: number;
}
