import { createHash } from 'node:crypto';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { RequirePermission } from '../common/access.decorator.js';
import { documentDownload } from '../common/document-download.js';
import { METADATA_FIELD, readMultipart, validateFields, type MultipartUpload } from '../common/multipart.js';
import { AppConfig } from '../config/app-config.js';
import { idempotentRequest } from '../idempotency/idempotency.js';
import { RemovalCaseDto, RemovalCasePageDto, RemovalCaseQueryDto } from './dto/removal-case.dto.js';
import {
  AssignTaskDto,
  CompleteTaskDto,
  DiscoveredPublicationDto,
  NotRemovableDto,
  SetTaskOwnerDto,
  TaskOwnerDto,
} from './dto/removal-task.dto.js';
import { DiscoveredPublications } from './discovered-publications.js';
import { RemovalTaskOwnersService } from './removal-task-owners.service.js';
import { RemovalReportDto, RemovalReportQueryDto } from './dto/removal-report.dto.js';
import { RemovalReportService, type RemovalReportRow } from './removal-report.service.js';
import { csvLine } from '../common/csv.js';
import { CreateRevocationDto, RevocationDto } from './dto/revocation.dto.js';
import { RemovalCasesService } from './removal-cases.service.js';
import { RemovalTasksService, SCREENSHOT_FIELD } from './removal-tasks.service.js';
import { revocationView } from './removal.views.js';
import { REVOCATION_DOCUMENT_FIELD, RevocationsService } from './revocations.service.js';
import { IdempotentInTransaction } from '../idempotency/idempotency.decorators.js';

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

/** Revocations and the removal cases they open (docs/architecture.md §3). */
@ApiTags('removals')
@ApiExtraModels(CreateRevocationDto, CompleteTaskDto)
@Controller()
export class RemovalsController {
  constructor(
    private readonly revocations: RevocationsService,
    private readonly cases: RemovalCasesService,
    private readonly tasks: RemovalTasksService,
    private readonly taskOwners: RemovalTaskOwnersService,
    private readonly removalReport: RemovalReportService,
    private readonly discovered: DiscoveredPublications,
    private readonly config: AppConfig,
  ) {}

  /**
   * Records a patient's revocation (received by phone, letter, email, in person) and, in the same
   * transaction, takes down what it no longer clears and opens the removal case. Send JSON, or
   * multipart with the written request (PDF, JPEG or PNG) in `document` and the fields in `metadata`.
   */
  @RequirePermission('revocations.write')
  @IdempotentInTransaction()
  @Post('patients/:id/revocations')
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(CreateRevocationDto) },
        {
          type: 'object',
          required: [METADATA_FIELD],
          properties: {
            [REVOCATION_DOCUMENT_FIELD]: { type: 'string', format: 'binary', description: 'The written request' },
            [METADATA_FIELD]: { type: 'string', description: `${CreateRevocationDto.name} as JSON` },
          },
        },
      ],
    },
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'The same key with the same request returns the first answer and records nothing twice.',
  })
  @ApiCreatedResponse({ type: RevocationDto })
  async revoke(
    @Param('id', ParseUUIDPipe) patientId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentCaller() caller: Caller,
  ): Promise<RevocationDto> {
    const multipart = request.isMultipart();
    const form: MultipartUpload = multipart
      ? await readMultipart(request, {
          fileField: REVOCATION_DOCUMENT_FIELD,
          maxFileBytes: this.config.releases.documentMaxBytes,
        })
      : { metadata: request.body };
    const input = await validateFields(CreateRevocationDto, form.metadata, multipart ? METADATA_FIELD : '');
    const idempotency = idempotentRequest(request, caller, 'POST /patients/:id/revocations', {
      patientId,
      fields: form.metadata,
      documentSha256: form.file ? createHash('sha256').update(form.file.bytes).digest('hex') : null,
    });
    const response = await this.revocations.record(patientId, input, form.file, caller, idempotency);
    void reply.status(response.status);
    if (response.replayed) void reply.header('idempotent-replayed', 'true');
    return response.body;
  }

  @RequirePermission('removals.read')
  @Get('revocations/:id')
  @ApiOkResponse({ type: RevocationDto })
  async revocation(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<RevocationDto> {
    return revocationView(await this.revocations.get(id, caller));
  }

  /** The written request as it was received; each download is audited. */
  @RequirePermission('releases.read')
  @Get('revocations/:id/document')
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  async document(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { contentType, sha256, object } = await this.revocations.openDocument(id, caller);
    return documentDownload(reply, object, { contentType, sha256, baseName: `revocation-${id}` });
  }

  /** Removal cases, soonest deadline first: by status, overdue, due before a time, patient. */
  @RequirePermission('removals.read')
  @Get('removal-cases')
  @ApiOkResponse({ type: RemovalCasePageDto })
  async list(@Query() query: RemovalCaseQueryDto): Promise<RemovalCasePageDto> {
    return this.cases.list(query);
  }

  /** One case with its tasks: where each publication appears, who owns it, and its evidence. */
  @RequirePermission('removals.read')
  @Get('removal-cases/:id')
  @ApiOkResponse({ type: RemovalCaseDto })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<RemovalCaseDto> {
    return this.cases.get(id);
  }

  /**
   * Adds a publication found later (an old album, a flyer still handed out) to the case: it is
   * recorded as removal_pending with a task for its channel's owner, and a completed case reopens
   * with its original deadline. 409 when consent still clears the use.
   */
  @RequirePermission('removals.work')
  @Post('removal-cases/:id/publications')
  @ApiCreatedResponse({ type: RemovalCaseDto })
  async addDiscovered(
    @Param('id', ParseUUIDPipe) caseId: string,
    @Body() input: DiscoveredPublicationDto,
    @CurrentCaller() caller: Caller,
  ): Promise<RemovalCaseDto> {
    return this.cases.get(await this.discovered.add(caseId, input, caller));
  }

  /**
   * Completes the task with evidence: JSON `{ "evidence": { "kind": "attestation", "statement": … } }`,
   * multipart with the screenshot in `screenshot` and `{ "evidence": { "kind": "screenshot" } }` in
   * `metadata`, or `{ "evidence": { "kind": "url_check" } }` for the service to check the URL itself
   * (422 `removal_not_confirmed` with its findings when it still finds the photo or cannot tell;
   * 422 `url_not_allowed` for a URL on a private or loopback network). Without evidence: 422.
   * Answers the case as it now stands.
   */
  @RequirePermission('removals.work')
  @Post('removal-tasks/:id/complete')
  @HttpCode(200)
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(CompleteTaskDto) },
        {
          type: 'object',
          required: [SCREENSHOT_FIELD, METADATA_FIELD],
          properties: {
            [SCREENSHOT_FIELD]: { type: 'string', format: 'binary', description: 'PNG, JPEG or PDF' },
            [METADATA_FIELD]: { type: 'string', description: `${CompleteTaskDto.name} as JSON` },
          },
        },
      ],
    },
  })
  @ApiOkResponse({ type: RemovalCaseDto })
  async complete(
    @Param('id', ParseUUIDPipe) taskId: string,
    @Req() request: FastifyRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<RemovalCaseDto> {
    const multipart = request.isMultipart();
    const form: MultipartUpload = multipart
      ? await readMultipart(request, {
          fileField: SCREENSHOT_FIELD,
          maxFileBytes: this.config.releases.documentMaxBytes,
        })
      : { metadata: request.body };
    const input = await validateFields(CompleteTaskDto, form.metadata, multipart ? METADATA_FIELD : '');
    return this.cases.get(await this.tasks.complete(taskId, input, form.file, caller));
  }

  /** Asks to leave the publication up, with the reason; a privacy officer must approve it. */
  @RequirePermission('removals.work')
  @Post('removal-tasks/:id/not-removable')
  @HttpCode(200)
  @ApiOkResponse({ type: RemovalCaseDto })
  async notRemovable(
    @Param('id', ParseUUIDPipe) taskId: string,
    @Body() dto: NotRemovableDto,
    @CurrentCaller() caller: Caller,
  ): Promise<RemovalCaseDto> {
    return this.cases.get(await this.tasks.requestNotRemovable(taskId, dto, caller));
  }

  /** Approves a not-removable request: the task ends, the publication is marked not_removable. */
  @RequirePermission('removals.approve')
  @Post('removal-tasks/:id/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: RemovalCaseDto })
  async approve(@Param('id', ParseUUIDPipe) taskId: string, @CurrentCaller() caller: Caller): Promise<RemovalCaseDto> {
    return this.cases.get(await this.tasks.approveNotRemovable(taskId, caller));
  }

  /** Gives the task to another staff member who works removal tasks; they are told by mail. */
  @RequirePermission('removals.work')
  @Post('removal-tasks/:id/assign')
  @HttpCode(200)
  @ApiOkResponse({ type: RemovalCaseDto })
  async assign(
    @Param('id', ParseUUIDPipe) taskId: string,
    @Body() dto: AssignTaskDto,
    @CurrentCaller() caller: Caller,
  ): Promise<RemovalCaseDto> {
    return this.cases.get(await this.tasks.assign(taskId, dto.userId, caller));
  }

  /** Who gets new removal tasks of each channel by default. */
  @RequirePermission('removals.read')
  @Get('removal-task-owners')
  @ApiOkResponse({ type: [TaskOwnerDto] })
  async owners(): Promise<TaskOwnerDto[]> {
    return this.taskOwners.list();
  }

  /** Sets the default owner of a channel's removal tasks (a prefix such as `social` covers those under it). */
  @RequirePermission('removals.approve')
  @Put('removal-task-owners/:channel')
  @ApiOkResponse({ type: TaskOwnerDto })
  async setOwner(
    @Param('channel') channel: string,
    @Body() dto: SetTaskOwnerDto,
    @CurrentCaller() caller: Caller,
  ): Promise<TaskOwnerDto> {
    return this.taskOwners.set(channel, dto.userId, caller);
  }

  @RequirePermission('removals.approve')
  @Delete('removal-task-owners/:channel')
  @HttpCode(204)
  async removeOwner(@Param('channel') channel: string, @CurrentCaller() caller: Caller): Promise<void> {
    await this.taskOwners.remove(channel, caller);
  }

  /**
   * How the removal promise is kept over a period (cases opened in it): open, overdue and closed
   * cases, median and 95th-percentile days to close, the share closed within the deadline.
   */
  @RequirePermission('removals.read')
  @Get('reports/removals')
  @ApiOkResponse({ type: RemovalReportDto })
  async report(@Query() query: RemovalReportQueryDto): Promise<RemovalReportDto> {
    return this.removalReport.summary(query);
  }

  /** The report's cases as CSV, one row each, oldest first. */
  @RequirePermission('removals.read')
  @Get('reports/removals/export')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV with a header row.' })
  async reportExport(@Query() query: RemovalReportQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const { from, to, rows } = await this.removalReport.rows(query);
    const columns = REPORT_COLUMNS;
    const body = [csvLine(columns), ...rows.map((row) => csvLine(columns.map((column) => row[column])))].join('');
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="removals-${day(from)}-${day(to)}.csv"`)
      .send(body);
  }

  /** The screenshot a task was completed with. */
  @RequirePermission('removals.read')
  @Get('removal-tasks/:id/screenshot')
  @ApiProduces('image/png', 'image/jpeg', 'application/pdf')
  async screenshot(
    @Param('id', ParseUUIDPipe) taskId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { contentType, sha256, object } = await this.tasks.openScreenshot(taskId);
    return documentDownload(reply, object, { contentType, sha256, baseName: `removal-task-${taskId}` });
  }
}
