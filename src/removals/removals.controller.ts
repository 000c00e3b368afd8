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
  type Type,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  getSchemaPath,
  type RequestBodyObject,
  type SchemaObject,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actingUserId, CurrentCaller, type Caller } from '../auth/caller.js';
import { ForbiddenError } from '../auth/auth.errors.js';
import { RequirePermission } from '../common/access.decorator.js';
import { documentDownload } from '../common/document-download.js';
import { METADATA_FIELD, readMultipart, validateFields, type MultipartUpload } from '../common/multipart.js';
import { AppConfig } from '../config/app-config.js';
import { idempotentRequest } from '../idempotency/idempotency.js';
import { ApiFileResponse, ApiProblems, CONTENT_DISPOSITION_HEADER } from '../common/api-docs.js';
import {
  AssignedRemovalTaskDto,
  AssignedTaskQueryDto,
  RemovalCaseDto,
  RemovalCasePageDto,
  RemovalCaseQueryDto,
} from './dto/removal-case.dto.js';
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
import {
  RemovalReportDto,
  RemovalReportQueryDto,
  RemovalWeeklyQueryDto,
  RemovalWeeklyReportDto,
} from './dto/removal-report.dto.js';
import { MAX_REPORT_WEEKS, RemovalReportService, type RemovalReportRow } from './removal-report.service.js';
import { csvLine } from '../common/csv.js';
import { CreateRevocationDto, RevocationDto } from './dto/revocation.dto.js';
import { RemovalCasesService } from './removal-cases.service.js';
import { RemovalTasksService, SCREENSHOT_FIELD } from './removal-tasks.service.js';
import { revocationView } from './removal.views.js';
import { REVOCATION_DOCUMENT_FIELD, RevocationsService } from './revocations.service.js';
import { IdempotentInTransaction } from '../idempotency/idempotency.decorators.js';
import { CHANNEL_CODES } from '../rights/channels.js';

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

/**
 * The body of a route that takes its fields as JSON, or as multipart with a file beside them (the
 * fields as JSON in `metadata`). ApiMultipartBody describes the multipart form alone, and
 * @nestjs/swagger gives every media type of one @ApiBody the same schema, so both are written here.
 */
function jsonOrMultipartBody(options: {
  fields: Type;
  file: { field: string; description: string; required: boolean };
  example: object;
}): RequestBodyObject {
  const fields = { $ref: getSchemaPath(options.fields) };
  const multipart: SchemaObject = {
    type: 'object',
    required: [...(options.file.required ? [options.file.field] : []), METADATA_FIELD],
    properties: {
      [options.file.field]: { type: 'string', format: 'binary', description: options.file.description },
      [METADATA_FIELD]: { allOf: [fields], description: 'The fields, as one JSON part.' },
    },
  };
  return {
    required: true,
    content: {
      'application/json': { schema: fields, example: options.example },
      'multipart/form-data': { schema: multipart, encoding: { [METADATA_FIELD]: { contentType: 'application/json' } } },
    },
  };
}

const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

/** The headers of a stored document's download (src/common/document-download.ts). */
const DOCUMENT_HEADERS = {
  ETag: { description: 'The SHA-256 of the file, quoted.', schema: { type: 'string' } },
  'Content-Disposition': CONTENT_DISPOSITION_HEADER,
  'Cache-Control': { description: '`private, no-store`: not to be cached.', schema: { type: 'string' } },
};

/** What checking an uploaded document (PDF, JPEG or PNG) can refuse (ImageService.checkDocument). */
const DOCUMENT_PROBLEMS = {
  400: ['empty_file'],
  415: ['unsupported_file_type', 'heic_not_supported'],
  422: ['document_incomplete', 'image_unreadable', 'image_too_many_pixels'],
} as const;

const TASK_ID = { name: 'id', format: 'uuid', description: 'The removal task.' } as const;
const CHANNEL = {
  name: 'channel',
  enum: CHANNEL_CODES,
  enumName: 'Channel',
  description: 'A channel code; a prefix such as `social` covers the channels under it.',
} as const;

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

  @RequirePermission('revocations.write')
  @IdempotentInTransaction()
  @Post('patients/:id/revocations')
  @ApiOperation({
    summary: "Record a patient's revocation",
    description:
      'Records a revocation received by phone, letter, email or in person (front desk, privacy officer), ' +
      'effective at `receivedAt`: of everything, of some channels, or of some photos. In the same transaction ' +
      'it revokes the releases (for `everything`), takes down every live publication it no longer clears ' +
      '(hosted ones at once, the others `removal_pending` with a task) and opens the removal case, due 30 days ' +
      '(REMOVAL_DEADLINE_DAYS) after `receivedAt`; the patient gets a receipt. Send JSON, or multipart/form-data with the written ' +
      'request (PDF, JPEG or PNG) in `document` and the fields as JSON in `metadata`.',
    requestBody: jsonOrMultipartBody({
      fields: CreateRevocationDto,
      file: {
        field: REVOCATION_DOCUMENT_FIELD,
        description: 'The written request (PDF, JPEG or PNG, judged by its bytes), if there is one.',
        required: false,
      },
      example: {
        scope: { kind: 'channels', channels: ['social'] },
        receivedAt: '2026-11-30T14:05:00Z',
        receivedVia: 'phone',
        requester: { type: 'patient' },
        identityVerification: 'Called back on the number on file; confirmed date of birth',
      },
    }),
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The patient.' })
  @ApiCreatedResponse({
    type: RevocationDto,
    description: 'The revocation as recorded, with the releases it revoked and the removal case it opened.',
  })
  @ApiProblems(DOCUMENT_PROBLEMS)
  @ApiProblems({ 404: ['photos_not_found', 'releases_not_found'] })
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
  @ApiOperation({
    summary: 'Get a revocation',
    description:
      'One revocation: its scope, when and how it was received, who asked, the releases it revoked and the ' +
      'removal case it opened. Identifying fields (the requester’s name and authority, the identity check, ' +
      'notes, the file name) are left out for callers without `patients.read`; for the others the read is audited.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The revocation.' })
  @ApiOkResponse({ type: RevocationDto, description: 'The revocation.' })
  async revocation(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<RevocationDto> {
    return revocationView(await this.revocations.get(id, caller));
  }

  @RequirePermission('releases.read')
  @Get('revocations/:id/document')
  @ApiOperation({
    summary: "Download a revocation's written request",
    description:
      'The written request attached to the revocation, as it was received (PDF, JPEG or PNG), as an attachment ' +
      'that is not to be cached; for roles that read releases. Each download is audited. 404 when the ' +
      'revocation has no written request.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The revocation.' })
  @ApiFileResponse({
    mediaTypes: DOCUMENT_TYPES,
    description: 'The written request, in the type it was stored in.',
    headers: DOCUMENT_HEADERS,
  })
  @ApiProblems({ 404: ['object_not_found'] })
  async document(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { contentType, sha256, object } = await this.revocations.openDocument(id, caller);
    return documentDownload(reply, object, { contentType, sha256, baseName: `revocation-${id}` });
  }

  @RequirePermission('removals.read')
  @Get('removal-cases')
  @ApiOperation({
    summary: 'List removal cases',
    description:
      'Removal cases, soonest deadline first, each with its progress: filtered by status, overdue, due before ' +
      'an instant or patient, a page at a time (`limit`, then `before` = the previous page’s `nextCursor`).',
  })
  @ApiOkResponse({ type: RemovalCasePageDto, description: 'A page of cases.' })
  async list(@Query() query: RemovalCaseQueryDto): Promise<RemovalCasePageDto> {
    return this.cases.list(query);
  }

  @RequirePermission('removals.read')
  @Get('removal-cases/:id')
  @ApiOperation({
    summary: 'Get a removal case with its tasks',
    description: 'One case with its tasks: where each publication appears, its status, who owns it, and its evidence.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The removal case.' })
  @ApiOkResponse({ type: RemovalCaseDto, description: 'The case.' })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<RemovalCaseDto> {
    return this.cases.get(id);
  }

  @RequirePermission('removals.read')
  @Get('removal-tasks')
  @ApiOperation({
    summary: 'List the removal tasks assigned to me',
    description:
      'The signed-in staff member’s removal tasks (`assignee=me`), soonest case deadline first, each with the ' +
      'deadline, whether it is overdue, the publication and its channel; filtered by task status. Needs ' +
      '`removals.read` and a staff session (an API key has no tasks: 403 `forbidden`).',
  })
  @ApiOkResponse({ type: [AssignedRemovalTaskDto], description: 'The tasks, soonest deadline first.' })
  @ApiProblems({ 400: ['validation_failed'], 403: ['forbidden'] })
  async assignedTasks(
    @Query() query: AssignedTaskQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<AssignedRemovalTaskDto[]> {
    const userId = actingUserId(caller);
    if (!userId) throw new ForbiddenError('forbidden', 'Only a staff member has removal tasks assigned.');
    return this.cases.assignedTo(userId, query.status);
  }

  @RequirePermission('removals.work')
  @Post('removal-cases/:id/publications')
  @ApiOperation({
    summary: 'Add a publication found later to a removal case',
    description:
      'Records a publication of the patient’s photo found after the case opened (an old album, a flyer still ' +
      'handed out) as `removal_pending`, with a task for its channel’s default owner; a completed case reopens ' +
      'with its original deadline. A use consent still clears answers 409 `publication_cleared` (record it ' +
      'with `POST /api/v1/publications`). Answers the case as it now stands.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The removal case.' })
  @ApiCreatedResponse({ type: RemovalCaseDto, description: 'The case, with the new task.' })
  @ApiProblems({
    404: ['photos_not_found'],
    409: ['publication_cleared'],
    422: ['no_release_on_record', 'assignee_not_eligible'],
  })
  async addDiscovered(
    @Param('id', ParseUUIDPipe) caseId: string,
    @Body() input: DiscoveredPublicationDto,
    @CurrentCaller() caller: Caller,
  ): Promise<RemovalCaseDto> {
    return this.cases.get(await this.discovered.add(caseId, input, caller));
  }

  @RequirePermission('removals.work')
  @Post('removal-tasks/:id/complete')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Complete a removal task with evidence',
    description:
      'Completes an open task (or one waiting for approval as not removable) with evidence: JSON with an ' +
      '`attestation` and its `statement`; multipart/form-data with the screenshot (PNG, JPEG or PDF) in ' +
      '`screenshot` and `{ "evidence": { "kind": "screenshot" } }` in `metadata`; or a `url_check`, for which ' +
      'the service fetches the publication’s URL on record and completes the task only if it answers 404/410 or ' +
      'no longer shows the photo (422 `removal_not_confirmed` with its findings otherwise; 422 `url_not_allowed` ' +
      'for an address that is not public). The publication becomes `removed`, and the case completes with its ' +
      'last task. Answers the case as it now stands.',
    requestBody: jsonOrMultipartBody({
      fields: CompleteTaskDto,
      file: {
        field: SCREENSHOT_FIELD,
        description: 'The screenshot: PNG, JPEG or PDF, judged by its bytes.',
        required: true,
      },
      example: {
        evidence: {
          kind: 'attestation',
          statement: 'Deleted the Instagram post C1 and checked the profile grid',
          observedAt: '2026-11-30T15:10:00Z',
        },
      },
    }),
  })
  @ApiParam(TASK_ID)
  @ApiOkResponse({ type: RemovalCaseDto, description: 'The case, with the task done.' })
  @ApiProblems(DOCUMENT_PROBLEMS)
  @ApiProblems({
    409: ['removal_task_state'],
    422: ['evidence_required', 'removal_not_confirmed', 'url_not_allowed'],
  })
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

  @RequirePermission('removals.work')
  @Post('removal-tasks/:id/not-removable')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Ask to leave a publication up',
    description:
      'For an open task whose publication cannot come down (e.g. brochures already handed out): records the ' +
      'reason and sets the task to `not_removable_requested`, for a privacy officer to approve. Answers the case ' +
      'as it now stands.',
  })
  @ApiParam(TASK_ID)
  @ApiOkResponse({ type: RemovalCaseDto, description: 'The case, with the task waiting for approval.' })
  @ApiProblems({ 409: ['removal_task_state'] })
  async notRemovable(
    @Param('id', ParseUUIDPipe) taskId: string,
    @Body() dto: NotRemovableDto,
    @CurrentCaller() caller: Caller,
  ): Promise<RemovalCaseDto> {
    return this.cases.get(await this.tasks.requestNotRemovable(taskId, dto, caller));
  }

  @RequirePermission('removals.approve')
  @Post('removal-tasks/:id/approve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve leaving a publication up',
    description:
      'Privacy officers only. Approves a task’s not-removable request: the task ends as `not_removable`, the ' +
      'publication is marked `not_removable`, and the case completes with its last task. Answers the case as ' +
      'it now stands.',
  })
  @ApiParam(TASK_ID)
  @ApiOkResponse({ type: RemovalCaseDto, description: 'The case, with the task approved.' })
  @ApiProblems({ 409: ['removal_task_state'] })
  async approve(@Param('id', ParseUUIDPipe) taskId: string, @CurrentCaller() caller: Caller): Promise<RemovalCaseDto> {
    return this.cases.get(await this.tasks.approveNotRemovable(taskId, caller));
  }

  @RequirePermission('removals.work')
  @Post('removal-tasks/:id/assign')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Assign a removal task',
    description:
      'Gives an open task (or one waiting for approval) to another active staff member who works removal ' +
      'tasks (marketing or privacy officer); they are told by mail. Answers the case as it now stands.',
  })
  @ApiParam(TASK_ID)
  @ApiOkResponse({ type: RemovalCaseDto, description: 'The case, with the task reassigned.' })
  @ApiProblems({ 409: ['removal_task_state'], 422: ['assignee_not_eligible'] })
  async assign(
    @Param('id', ParseUUIDPipe) taskId: string,
    @Body() dto: AssignTaskDto,
    @CurrentCaller() caller: Caller,
  ): Promise<RemovalCaseDto> {
    return this.cases.get(await this.tasks.assign(taskId, dto.userId, caller));
  }

  @RequirePermission('removals.read')
  @Get('removal-task-owners')
  @ApiOperation({
    summary: 'List the default owners of removal tasks',
    description:
      'Who gets new removal tasks of each channel by default, by channel code. A task on a channel goes to the ' +
      'owner of the longest prefix that covers it; tasks without an owner are announced to every privacy officer.',
  })
  @ApiOkResponse({ type: [TaskOwnerDto], description: 'The owners, by channel code.' })
  async owners(): Promise<TaskOwnerDto[]> {
    return this.taskOwners.list();
  }

  @RequirePermission('removals.approve')
  @Put('removal-task-owners/:channel')
  @ApiOperation({
    summary: "Set the default owner of a channel's removal tasks",
    description:
      'Privacy officers only. Makes an active staff member who works removal tasks the owner of the tasks ' +
      'opened from now on for the channel and for those under it that have no owner of their own (`social` ' +
      'covers `social.instagram`). Tasks already open keep their assignee.',
  })
  @ApiParam(CHANNEL)
  @ApiOkResponse({ type: TaskOwnerDto, description: 'The channel’s owner as set.' })
  @ApiProblems({ 400: ['unknown_channel'], 422: ['assignee_not_eligible'] })
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
  @ApiOperation({
    summary: "Remove a channel's default task owner",
    description:
      'Privacy officers only. New tasks of the channel then go to the owner of a shorter prefix, if any, or to ' +
      'nobody (announced to every privacy officer). 404 when the channel has no owner of its own.',
  })
  @ApiParam(CHANNEL)
  @ApiNoContentResponse({ description: 'The owner was removed.' })
  @ApiProblems({ 400: ['unknown_channel'], 404: ['not_found'] })
  async removeOwner(@Param('channel') channel: string, @CurrentCaller() caller: Caller): Promise<void> {
    await this.taskOwners.remove(channel, caller);
  }

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

  @RequirePermission('removals.read')
  @Get('removal-tasks/:id/screenshot')
  @ApiOperation({
    summary: 'Download the screenshot a task was completed with',
    description:
      'The screenshot uploaded as the task’s evidence (PNG, JPEG or PDF), as an attachment that is not to be ' +
      'cached. 404 when the task was completed with other evidence, or is not completed.',
  })
  @ApiParam(TASK_ID)
  @ApiFileResponse({
    mediaTypes: DOCUMENT_TYPES,
    description: 'The screenshot, in the type it was stored in.',
    headers: DOCUMENT_HEADERS,
  })
  @ApiProblems({ 404: ['object_not_found'] })
  async screenshot(
    @Param('id', ParseUUIDPipe) taskId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { contentType, sha256, object } = await this.tasks.openScreenshot(taskId);
    return documentDownload(reply, object, { contentType, sha256, baseName: `removal-task-${taskId}` });
  }
}
