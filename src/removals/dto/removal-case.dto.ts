import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { IsPageCursor } from '../../common/page-cursor.js';
import { IsInstant, OptionalNotNull, QueryBoolean } from '../../common/validators.js';
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
  @ApiPropertyOptional({ enum: REMOVAL_CASE_STATUSES })
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

  @ApiPropertyOptional({ format: 'uuid' })
  @OptionalNotNull()
  @IsUUID('all')
  patientId?: string;

  @ApiPropertyOptional({ default: 50, maximum: MAX_CASE_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_CASE_PAGE)
  limit?: number;

  @ApiPropertyOptional({ description: "The previous page's `nextCursor`." })
  @IsOptional()
  @IsPageCursor()
  before?: string;
}

export class RemovalTaskDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) publicationId!: string;
  @ApiProperty({ format: 'uuid' }) photoId!: string;
  @ApiProperty() channel!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Where the publication appears.' }) url!: string | null;
  @ApiProperty({ type: String, nullable: true }) postId!: string | null;
  @ApiProperty({ type: String, nullable: true }) campaign!: string | null;
  @ApiProperty({ type: String, nullable: true }) printRun!: string | null;
  @ApiProperty() hosted!: boolean;
  @ApiProperty({ enum: PUBLICATION_STATUSES }) publicationStatus!: PublicationStatus;
  @ApiProperty({ enum: REMOVAL_TASK_STATUSES }) status!: RemovalTaskStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assigneeUserId!: string | null;
  @ApiProperty({ enum: REMOVAL_EVIDENCE_KINDS, nullable: true }) evidenceKind!: RemovalEvidenceKind | null;
  @ApiProperty({ type: Object, nullable: true }) evidence!: Record<string, unknown> | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) completedByUserId!: string | null;
  @ApiProperty({ type: String, nullable: true }) notRemovableReason!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) approvedByUserId!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) approvedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'Where the uploaded screenshot downloads from.' })
  screenshotUrl!: string | null;
}

export class RemovalProgressDto {
  @ApiProperty() tasks!: number;
  @ApiProperty() open!: number;
  @ApiProperty() done!: number;
  @ApiProperty() notRemovable!: number;
}

export class RemovalCaseSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty() patientCode!: string;
  @ApiProperty({ enum: REMOVAL_CASE_ORIGINS }) origin!: RemovalCaseOrigin;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) revocationId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) releaseId!: string | null;
  @ApiProperty({ enum: REMOVAL_CASE_STATUSES }) status!: RemovalCaseStatus;
  @ApiProperty({ type: String, format: 'date-time' }) openedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) dueAt!: Date;
  @ApiProperty({ description: 'Open past its deadline.' }) overdue!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: Date | null;
  @ApiProperty({ type: RemovalProgressDto }) progress!: RemovalProgressDto;
}

export class RemovalCaseDto extends RemovalCaseSummaryDto {
  @ApiProperty({ type: [RemovalTaskDto] }) tasks!: RemovalTaskDto[];
}

export class RemovalCasePageDto {
  @ApiProperty({ type: [RemovalCaseSummaryDto] }) items!: RemovalCaseSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
