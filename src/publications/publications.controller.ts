import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '../common/caller.js';
import { RequirePermission } from '../common/access.decorator.js';
import { AppConfig } from '../config/app-config.js';
import { ApiProblems } from '../common/api-docs.js';
import {
  CreatePublicationDto,
  NotClearedProblemDto,
  PublicationDto,
  PublicationPageDto,
  PublicationQueryDto,
  UpdatePublicationDto,
} from './dto/publication.dto.js';
import { publicationView } from './publication.views.js';
import { PublicationsService } from './publications.service.js';

/** Where photos are used; a use is recorded only when it is cleared. */
@ApiTags('publications')
@Controller('publications')
export class PublicationsController {
  constructor(
    private readonly publications: PublicationsService,
    private readonly config: AppConfig,
  ) {}

  @RequirePermission('publications.write')
  @Post()
  @ApiOperation({
    summary: 'Record a publication of a photo',
    description:
      'Records where a photo is used, only if clearance allows the use now and at `publishedAt`; the decision ' +
      'is made under a lock on the governing release, so no consent change can slip in between. Needs the ' +
      '`publications.write` permission (staff or API key). With `hosted` (for `website` only) the service ' +
      'serves the photo at the answered `mediaUrl`. A refused use is audited and answers 409 with the reasons.',
  })
  @ApiCreatedResponse({ type: PublicationDto, description: 'The publication recorded, live.' })
  @ApiConflictResponse({
    type: NotClearedProblemDto,
    description: 'The use is not cleared (now, or at `publishedAt`); nothing was recorded.',
  })
  @ApiProblems({
    404: ['not_found'],
    409: ['publication_not_cleared'],
    422: ['hosting_not_available'],
    503: ['release_changing'],
  })
  async create(@Body() dto: CreatePublicationDto, @CurrentCaller() caller: Caller): Promise<PublicationDto> {
    return publicationView(await this.publications.create(dto, caller), this.config.http.publicBaseUrl);
  }

  @RequirePermission('publications.read')
  @Get()
  @ApiOperation({
    summary: 'List publications',
    description:
      'Publications newest first, filtered by photo, channel (with those under it) and status, a page at a ' +
      'time: pass `nextCursor` as `before` for the next page. Needs the `publications.read` permission.',
  })
  @ApiOkResponse({ type: PublicationPageDto, description: 'One page of publications, newest first.' })
  async list(@Query() query: PublicationQueryDto): Promise<PublicationPageDto> {
    const page = await this.publications.list(query);
    return Object.assign(new PublicationPageDto(), {
      items: page.items.map((item) => publicationView(item, this.config.http.publicBaseUrl)),
      nextCursor: page.nextCursor,
    });
  }

  @RequirePermission('publications.read')
  @Get(':id')
  @ApiOperation({
    summary: 'Get a publication',
    description: 'One publication, whatever its status. Needs the `publications.read` permission.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The publication.' })
  @ApiOkResponse({ type: PublicationDto, description: 'The publication.' })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<PublicationDto> {
    return publicationView(await this.publications.get(id), this.config.http.publicBaseUrl);
  }

  @RequirePermission('publications.write')
  @Patch(':id')
  @ApiOperation({
    summary: 'Change where a publication appears',
    description:
      'Replaces the location fields sent (URL, post id, campaign, print run; null clears one) and leaves the ' +
      'others; what is shown and under which release cannot change. A publication the service does not host ' +
      'must keep at least one location field. Needs the `publications.write` permission; a change is audited.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The publication.' })
  @ApiOkResponse({ type: PublicationDto, description: 'The publication as it now is.' })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdatePublicationDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PublicationDto> {
    return publicationView(await this.publications.updateLocation(id, dto, caller), this.config.http.publicBaseUrl);
  }
}
