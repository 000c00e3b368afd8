import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInstant, OptionalNotNull } from '../../common/validators.js';

export class RemovalReportQueryDto {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Cases opened at or after this instant (default: 365 days before `to`); must be before `to`.',
  })
  @OptionalNotNull()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Cases opened before this instant (default: now).' })
  @OptionalNotNull()
  @IsInstant()
  to?: string;
}

export class RemovalWeeklyQueryDto {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Start of the period (default: 365 days before `to`); its week is the first listed.',
  })
  @OptionalNotNull()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'End of the period, exclusive (default: now); its week is the last listed.',
  })
  @OptionalNotNull()
  @IsInstant()
  to?: string;
}

export class DaysToCloseDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Median, to one decimal; null when no case closed.' })
  median!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: '95th percentile, to one decimal; null when no case closed.',
  })
  p95!: number | null;
}

export class RemovalReportDto {
  @ApiProperty({ type: String, format: 'date-time' }) generatedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', description: 'Start of the period (inclusive).' }) from!: Date;
  @ApiProperty({ type: String, format: 'date-time', description: 'End of the period (exclusive).' }) to!: Date;
  @ApiProperty({ type: 'integer', description: 'Cases opened in the period.' }) opened!: number;
  @ApiProperty({ type: 'integer', description: 'Of those, still open.' }) open!: number;
  @ApiProperty({ type: 'integer', description: 'Of those, open past their deadline.' }) overdue!: number;
  @ApiProperty({ type: 'integer', description: 'Of those, completed.' }) closed!: number;
  @ApiProperty({ type: 'integer', description: 'Completed by their deadline.' }) closedWithinDeadline!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 1,
    description: 'closedWithinDeadline / closed, 0 to 1; null when no case closed.',
  })
  shareClosedWithinDeadline!: number | null;
  @ApiProperty({
    type: DaysToCloseDto,
    description:
      "Days from when the case's clock started (the request, the expiry, the narrowing version's signing or the " +
      'correction) to completion, over the completed cases.',
  })
  daysToClose!: DaysToCloseDto;
}

export class RemovalWeekDto {
  @ApiProperty({
    format: 'date',
    description: "The week's Monday on the clinic's calendar (CLINIC_TIME_ZONE), `YYYY-MM-DD`.",
    example: '2026-11-30',
  })
  weekStart!: string;
  @ApiProperty({ type: 'integer', description: 'Cases opened in the week.' }) opened!: number;
  @ApiProperty({ type: 'integer', description: 'Cases completed in the week, whenever they were opened.' })
  closed!: number;
  @ApiProperty({ type: 'integer', description: 'Of those, completed by their deadline.' })
  closedWithinDeadline!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 1,
    description: 'closedWithinDeadline / closed, 0 to 1; null when no case closed in the week.',
  })
  shareClosedWithinDeadline!: number | null;
}

export class RemovalWeeklyReportDto {
  @ApiProperty({ type: String, format: 'date-time' }) generatedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', description: 'Start of the period (inclusive).' }) from!: Date;
  @ApiProperty({ type: String, format: 'date-time', description: 'End of the period (exclusive).' }) to!: Date;
  @ApiProperty({ description: "The clinic's time zone, whose calendar the weeks follow.", example: 'America/New_York' })
  timeZone!: string;
  @ApiProperty({
    type: [RemovalWeekDto],
    description:
      'Every week (Monday to Sunday) that overlaps the period, oldest first, weeks without cases included; ' +
      'the first and last count only what happened inside the period.',
  })
  weeks!: RemovalWeekDto[];
}
