import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '../common/caller.js';
import { RequirePermission } from '../common/access.decorator.js';
import { ApiProblems } from '../common/api-docs.js';
import { RemovalCaseDto, RemovalCasePageDto, RemovalCaseQueryDto } from './dto/removal-case.dto.js';
import { DiscoveredPublicationDto } from './dto/removal-task.dto.js';
import { DiscoveredPublicationsService } from './discovered-publications.service.js';
import { RemovalCasesService } from './removal-cases.service.js';

/** Removal cases (docs/architecture.md §3): the dashboard, one case, and publications found after it opened. */
@ApiTags('removals')
@Controller()
export class RemovalCasesController {
  constructor(
    private readonly removalCases: RemovalCasesService,
    private readonly discovered: DiscoveredPublicationsService,
  ) {}

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
    return this.removalCases.list(query);
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
    return this.removalCases.get(id);
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
    return this.removalCases.get(await this.discovered.add(caseId, input, caller));
  }
}
