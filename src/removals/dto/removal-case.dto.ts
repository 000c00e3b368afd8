import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { IsPageCursor } from '../../common/page-cursor.js';
import { IsInstant, OptionalNotNull, QueryBoolean } from '../../common/validators.js';
import { CHANNEL_CODES } from '../../rights/channels.js';
import { PUBLICATION_STATUSES, type PublicationStatus } from '../../publications/publication.entity.js';
import {
  REMOVAL_CASE_ORIGINS,
  REMOVAL_CASE_STATUSES,
  type RemovalCaseOrigin,
  type RemovalCaseStatus,
} from '../removal-case.entity.js';
import {
  REMOVAL_EVIDENCE_KINDS,
  REMOVAL_TASK_STATUSES,
  type RemovalEvidenceKind,
  type RemovalTaskStatus,
} from '../removal-task.entity.js';

export const MAX_CASE_PAGE = 200;

export class RemovalCaseQueryDto {
  @ApiPropertyOptional({
    enum: REMOVAL_CASE_STATUSES,
    description:
      '`open`: some task is still to be worked; `completed`: every task is done or approved as not removable.',
  })
  @OptionalNotNull()
  @IsIn(REMOVAL_CASE_STATUSES)
  status?: RemovalCaseStatus;

  @ApiPropertyOptional({ description: 'true: open cases past their deadline; false: every other case.' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ format: 'date-time', description: 'Cases due before this instant.' })
  @OptionalNotNull()
  @IsInstant()
  dueBefore?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "The patient's cases only." })
  @OptionalNotNull()
  @IsUUID('all')
  patientId?: string;

  @ApiPropertyOptional({
    type: 'integer',
    default: 50,
    minimum: 1,
    maximum: MAX_CASE_PAGE,
    description: 'Cases per page.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_CASE_PAGE)
  limit?: number;

  @ApiPropertyOptional({ description: "The previous page's `nextCursor`, for the page after it." })
  @IsOptional()
  @IsPageCursor()
  before?: string;
}

const EVIDENCE_DESCRIPTION =
  'What proves the takedown, by `evidenceKind`; null while the task is open. `service_hosted`: ' +
  '`{ publicUrlAnswers: 410, mediaToken }`, recorded by the service for a hosted photo. `attestation`: ' +
  '`{ statement, observedAt? }`. `screenshot`: `{ screenshotId, contentType, bytes, sha256, observedAt?, ' +
  'statement? }` (the file downloads from `screenshotUrl`). `url_check`: what the check saw: `{ outcome, ' +
  'passed, finding, url, imageUrl, checkedAt, response: { url, connectedTo, redirectedFrom, status, ' +
  'contentType, bytes, sha256 } | null, imagesCompared, imagesNotChecked: [{ url, why }], matchedImageUrl }`. ' +
  '`statement` is left out for callers without `patients.read`.';

export class RemovalTaskDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid', description: 'The publication to take down.' }) publicationId!: string;
  @ApiProperty({ format: 'uuid', description: 'The photo it shows.' }) photoId!: string;
  @ApiProperty({ enum: CHANNEL_CODES, enumName: 'Channel', description: 'Where it is published.' })
  channel!: string;
  @ApiProperty({ type: String, format: 'uri', nullable: true, description: 'Where the publication appears.' })
  url!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The network's id of the post." }) postId!: string | null;
  @ApiProperty({ type: String, nullable: true }) campaign!: string | null;
  @ApiProperty({ type: String, nullable: true }) printRun!: string | null;
  @ApiProperty({ description: 'Served by the service, which took it down itself when the case opened.' })
  hosted!: boolean;
  @ApiProperty({ enum: PUBLICATION_STATUSES }) publicationStatus!: PublicationStatus;
  @ApiProperty({
    enum: REMOVAL_TASK_STATUSES,
    description:
      '`open`: to be taken down; `not_removable_requested`: waiting for a privacy officer to approve leaving it ' +
      'up; `done` and `not_removable` are final.',
  })
  status!: RemovalTaskStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Who works it; null: no owner yet.' })
  assigneeUserId!: string | null;
  @ApiProperty({ enum: REMOVAL_EVIDENCE_KINDS, nullable: true }) evidenceKind!: RemovalEvidenceKind | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: EVIDENCE_DESCRIPTION })
  evidence!: Record<string, unknown> | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) completedByUserId!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Why it cannot come down, once asked; left out for callers without `patients.read`.',
  })
  notRemovableReason!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) approvedByUserId!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) approvedAt!: Date | null;
  @ApiProperty({
    type: String,
    format: 'uri-reference',
    nullable: true,
    description: 'Where the screenshot the task was completed with downloads from; null for other evidence.',
    example: '/api/v1/removal-tasks/0b6f1c2e-4d5a-4e8b-9c7d-1a2b3c4d5e6f/screenshot',
  })
  screenshotUrl!: string | null;
}

export class RemovalProgressDto {
  @ApiProperty({ type: 'integer', description: 'Tasks in the case.' }) tasks!: number;
  @ApiProperty({ type: 'integer', description: 'Open or waiting for approval.' }) open!: number;
  @ApiProperty({ type: 'integer', description: 'Taken down, with evidence.' }) done!: number;
  @ApiProperty({ type: 'integer', description: 'Approved to stay up.' }) notRemovable!: number;
}

export class RemovalCaseSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty({ description: "The patient's pseudonymous code." }) patientCode!: string;
  @ApiProperty({
    enum: REMOVAL_CASE_ORIGINS,
    description:
      'What opened it: a revocation, a release that expired, a release version that narrowed consent, or a ' +
      'corrected date of birth.',
  })
  origin!: RemovalCaseOrigin;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'For origin `revocation`.' })
  revocationId!: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'For origins `release_expiry` and `release_narrowed`.',
  })
  releaseId!: string | null;
  @ApiProperty({ enum: REMOVAL_CASE_STATUSES }) status!: RemovalCaseStatus;
  @ApiProperty({ type: String, format: 'date-time' }) openedAt!: Date;
  @ApiProperty({
    type: String,
    format: 'date-time',
    description:
      'The deadline: REMOVAL_DEADLINE_DAYS (30 by default) after the request was received, the release ' +
      'expired, the narrowing version was signed or the date of birth was corrected.',
  })
  dueAt!: Date;
  @ApiProperty({ description: 'Open past its deadline.' }) overdue!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: Date | null;
  @ApiProperty({ type: RemovalProgressDto }) progress!: RemovalProgressDto;
}

export class RemovalCaseDto extends RemovalCaseSummaryDto {
  @ApiProperty({ type: [RemovalTaskDto], description: 'One per publication, oldest first.' }) tasks!: RemovalTaskDto[];
}

export class RemovalCasePageDto {
  @ApiProperty({ type: [RemovalCaseSummaryDto], description: 'Soonest deadline first.' })
  items!: RemovalCaseSummaryDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Send as `before` for the next page; null on the last.' })
  nextCursor!: string | null;
}

export class AssignedTaskQueryDto {
  @ApiProperty({ enum: ['me'], description: 'Whose tasks: `me`, the signed-in staff member.' })
  @IsIn(['me'])
  assignee!: 'me';

  @ApiPropertyOptional({
    enum: REMOVAL_TASK_STATUSES,
    description: 'Tasks in this status only; every status when absent.',
  })
  @OptionalNotNull()
  @IsIn(REMOVAL_TASK_STATUSES)
  status?: RemovalTaskStatus;
}

/** A removal task with its case's deadline, as the person working it follows it. */
export class AssignedRemovalTaskDto extends RemovalTaskDto {
  @ApiProperty({ type: String, format: 'date-time', description: "The case's deadline for every takedown." })
  dueAt!: Date;
  @ApiProperty({ description: 'Open (or waiting for approval) and past the deadline.' }) overdue!: boolean;
  @ApiProperty({ description: "The patient's pseudonymous code." }) patientCode!: string;
}
