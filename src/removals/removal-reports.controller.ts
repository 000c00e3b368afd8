import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequirePermission } from '../common/access.decorator.js';
import { ApiFileResponse, CONTENT_DISPOSITION_HEADER } from '../common/api-docs.js';
import {
  RemovalReportDto,
  RemovalReportQueryDto,
  RemovalWeeklyQueryDto,
  RemovalWeeklyReportDto,
} from './dto/removal-report.dto.js';
import { MAX_REPORT_WEEKS, RemovalReportService, type RemovalReportRow } from './removal-report.service.js';
import { csvLine } from '../common/csv.js';

const REPORT_COLUMNS: (keyof RemovalReportRow)[] = [
  'caseId',
  'patientCode',
  'origin',
  'startedAt',
  'openedAt',
  'dueAt',
  'status',
  'completedAt',
  'daysToClose',
  'withinDeadline',
  'tasks',
  'removed',
  'notRemovable',
];

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** How removal deadlines are kept: the summary, the weekly figures and the CSV export. */
@ApiTags('removals')
@Controller()
export class RemovalReportsController {
  constructor(private readonly removalReport: RemovalReportService) {}

  @RequirePermission('removals.read')
  @Get('reports/removals')
  @ApiOperation({
    summary: 'Report how removal deadlines are kept',
    description:
      'Over the cases opened in a period (by default the 365 days before now): how many are open, overdue ' +
      'and closed, the median and 95th-percentile days to close, and the share closed within the deadline.',
  })
  @ApiOkResponse({ type: RemovalReportDto, description: 'The report.' })
  async report(@Query() query: RemovalReportQueryDto): Promise<RemovalReportDto> {
    return this.removalReport.summary(query);
  }

  @RequirePermission('removals.read')
  @Get('reports/removals/weekly')
  @ApiOperation({
    summary: 'Report removal cases opened and closed per week',
    description:
      'For charts: every week of the period (by default the 365 days before now, at most ' +
      `${MAX_REPORT_WEEKS} weeks) on the clinic’s calendar (Monday to Sunday in CLINIC_TIME_ZONE): the cases ` +
      'opened in it, the cases completed in it (whenever they were opened) and the share of those completed by ' +
      'their deadline.',
  })
  @ApiOkResponse({ type: RemovalWeeklyReportDto, description: 'The weeks, oldest first.' })
  async weeklyReport(@Query() query: RemovalWeeklyQueryDto): Promise<RemovalWeeklyReportDto> {
    return this.removalReport.weekly(query);
  }

  @RequirePermission('removals.read')
  @Get('reports/removals/export')
  @ApiOperation({
    summary: 'Export the removal report’s cases as CSV',
    description:
      'The cases of the report’s period as RFC 4180 CSV (UTF-8, a header row), one row each, oldest first: ' +
      `${REPORT_COLUMNS.map((column) => `\`${column}\``).join(', ')}. Instants are ISO 8601; ` +
      '`completedAt`, `daysToClose` and `withinDeadline` are empty for an open case.',
  })
  @ApiFileResponse({
    mediaTypes: ['text/csv'],
    description: 'The cases, as an attachment named `removals-<from>-<to>.csv`.',
    headers: { 'Content-Disposition': CONTENT_DISPOSITION_HEADER },
  })
  async reportExport(@Query() query: RemovalReportQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const { from, to, rows } = await this.removalReport.rows(query);
    const columns = REPORT_COLUMNS;
    const body = [csvLine(columns), ...rows.map((row) => csvLine(columns.map((column) => row[column])))].join('');
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="removals-${day(from)}-${day(to)}.csv"`)
      .send(body);
  }
}
