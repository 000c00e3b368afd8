import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInstant, OptionalNotNull } from '../../common/validators.js';

export class RemovalReportQueryDto {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Cases opened at or after this instant (default: a year ago).',
  })
  @OptionalNotNull()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Cases opened before this instant (default: now).' })
  @OptionalNotNull()
  @IsInstant()
  to?: string;
}

export class DaysToCloseDto {
  @ApiProperty({ type: Number, nullable: true }) median!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '95th percentile.' }) p95!: number | null;
}

export class RemovalReportDto {
  @ApiProperty({ type: String, format: 'date-time' }) generatedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) from!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) to!: Date;
  @ApiProperty({ description: 'Cases opened in the period.' }) opened!: number;
  @ApiProperty({ description: 'Of those, still open.' }) open!: number;
  @ApiProperty({ description: 'Of those, open past their deadline.' }) overdue!: number;
  @ApiProperty({ description: 'Of those, completed.' }) closed!: number;
  @ApiProperty({ description: 'Completed by their deadline.' }) closedWithinDeadline!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'closedWithinDeadline / closed, 0 to 1.' })
  shareClosedWithinDeadline!: number | null;
  @ApiProperty({
    type: DaysToCloseDto,
    description: 'Days from the request (or the expiry) to completion, over the completed cases.',
  })
  daysToClose!: DaysToCloseDto;
}
