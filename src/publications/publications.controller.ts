import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { RequirePermission } from '../common/access.decorator.js';
import { AppConfig } from '../config/app-config.js';
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
  @ApiCreatedResponse({ type: PublicationDto })
  @ApiConflictResponse({ type: NotClearedProblemDto, description: 'The use is not cleared; nothing was recorded.' })
  async create(@Body() dto: CreatePublicationDto, @CurrentCaller() caller: Caller): Promise<PublicationDto> {
    return publicationView(await this.publications.create(dto, caller), this.config.http.publicBaseUrl);
  }

  @RequirePermission('publications.read')
  @Get()
  @ApiOkResponse({ type: PublicationPageDto })
  async list(@Query() query: PublicationQueryDto): Promise<PublicationPageDto> {
    const page = await this.publications.list(query);
    return Object.assign(new PublicationPageDto(), {
      items: page.items.map((item) => publicationView(item, this.config.http.publicBaseUrl)),
      nextCursor: page.nextCursor,
    });
  }

  @RequirePermission('publications.read')
  @Get(':id')
  @ApiOkResponse({ type: PublicationDto })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<PublicationDto> {
    return publicationView(await this.publications.get(id), this.config.http.publicBaseUrl);
  }

  /** Changes where the publication appears (its URL, post id, campaign or print run). */
  @RequirePermission('publications.write')
  @Patch(':id')
  @ApiOkResponse({ type: PublicationDto })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdatePublicationDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PublicationDto> {
    return publicationView(await this.publications.updateLocation(id, dto, caller), this.config.http.publicBaseUrl);
  }
}
