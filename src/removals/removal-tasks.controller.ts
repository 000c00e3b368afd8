import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actingUserId, CurrentCaller, type Caller } from '../common/caller.js';
import { ForbiddenError } from '../auth/auth.errors.js';
import { RequirePermission } from '../common/access.decorator.js';
import { documentDownload } from '../common/document-download.js';
import { readJsonOrMultipart } from '../common/multipart.js';
import { AppConfig } from '../config/app-config.js';
import {
  ApiFileResponse,
  ApiProblems,
  jsonOrMultipartBody,
  DOCUMENT_PROBLEMS,
  DOCUMENT_TYPES,
  DOCUMENT_HEADERS,
} from '../common/api-docs.js';
import { AssignedRemovalTaskDto, AssignedTaskQueryDto, RemovalCaseDto } from './dto/removal-case.dto.js';
import { AssignTaskDto, CompleteTaskDto, NotRemovableDto } from './dto/removal-task.dto.js';
import { RemovalCasesService } from './removal-cases.service.js';
import { RemovalTasksService, SCREENSHOT_FIELD } from './removal-tasks.service.js';

const TASK_ID = { name: 'id', format: 'uuid', description: 'The removal task.' } as const;

/** Removal tasks: one's own, completing with evidence, leaving one up with approval, assigning. */
@ApiTags('removals')
@ApiExtraModels(CompleteTaskDto)
@Controller()
export class RemovalTasksController {
  constructor(
    private readonly removalCases: RemovalCasesService,
    private readonly tasks: RemovalTasksService,
    private readonly config: AppConfig,
  ) {}

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
    return this.removalCases.assignedTo(userId, query.status);
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
    const form = await readJsonOrMultipart(request, CompleteTaskDto, {
      fileField: SCREENSHOT_FIELD,
      maxFileBytes: this.config.releases.documentMaxBytes,
    });
    return this.removalCases.get(await this.tasks.complete(taskId, form.input, form.file, caller));
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
    return this.removalCases.get(await this.tasks.requestNotRemovable(taskId, dto, caller));
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
    return this.removalCases.get(await this.tasks.approveNotRemovable(taskId, caller));
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
    return this.removalCases.get(await this.tasks.assign(taskId, dto.userId, caller));
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
