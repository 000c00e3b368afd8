import { Controller, Get, Headers, Param, ParseUUIDPipe, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError } from '../auth/auth.errors.js';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { RequirePermission } from '../common/access.decorator.js';
import { METADATA_FIELD, readMultipart, validateMetadata } from '../common/multipart.js';
import { AppConfig } from '../config/app-config.js';
import { PhotoDto, PhotoUploadMetadataDto, RenditionParamsDto } from './dto/photo.dto.js';
import { photoView } from './photo.views.js';
import { PHOTO_FILE_FIELD, PhotosService } from './photos.service.js';

// Renditions never change for a photo id: browsers may keep them, shared caches may not. The
// original is the clinical record and is not kept anywhere.
const RENDITION_CACHE_CONTROL = 'private, max-age=86400, immutable';
// The web rendition carries the rights as they stand: kept, but checked again before each use.
const WEB_CACHE_CONTROL = 'private, no-cache';
const ORIGINAL_CACHE_CONTROL = 'private, no-store';
const EXTENSION: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/tiff': 'tif',
  'image/avif': 'avif',
};

@ApiTags('photos')
@Controller()
export class PhotosController {
  constructor(
    private readonly photos: PhotosService,
    private readonly config: AppConfig,
  ) {}

  /** Uploads a photo of the case: the image in `file`, its fields as JSON in `metadata`. */
  @RequirePermission('photos.upload')
  @Post('cases/:id/photos')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [PHOTO_FILE_FIELD, METADATA_FIELD],
      properties: {
        [PHOTO_FILE_FIELD]: { type: 'string', format: 'binary', description: 'JPEG, PNG, WebP, TIFF or AVIF' },
        [METADATA_FIELD]: { type: 'string', description: 'PhotoUploadMetadataDto as JSON' },
      },
    },
  })
  @ApiCreatedResponse({ type: PhotoDto })
  async upload(
    @Param('id', ParseUUIDPipe) caseId: string,
    @Req() request: FastifyRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<PhotoDto> {
    const treatmentCase = await this.photos.findCase(caseId);
    const form = await readMultipart(request, {
      fileField: PHOTO_FILE_FIELD,
      maxFileBytes: this.config.photos.maxBytes,
    });
    const metadata = await validateMetadata(PhotoUploadMetadataDto, form.metadata);
    const photo = await this.photos.upload(treatmentCase, form.file, metadata, caller);
    return photoView(await this.photos.get(photo.id));
  }

  @RequirePermission('photos.read')
  @Get('photos/:id')
  @ApiOkResponse({ type: PhotoDto })
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<PhotoDto> {
    const found = await this.photos.get(id);
    await this.photos.auditFileNameRead(found.photo, caller);
    return photoView(found);
  }

  /**
   * The image bytes: `thumb` (400 px WebP) and `web` (2048 px JPEG) carry no metadata; `original`
   * is the upload as stored, for roles allowed identified data only, and each read is audited.
   */
  @RequirePermission('photos.read')
  @Get('photos/:id/renditions/:name')
  @ApiProduces('image/jpeg', 'image/webp', 'image/png', 'image/tiff', 'image/avif')
  async rendition(
    @Param() params: RenditionParamsDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentCaller() caller: Caller,
  ): Promise<StreamableFile | undefined> {
    if (params.name === 'original' && !request.principal?.permissions.has('photos.original')) {
      throw new ForbiddenError('forbidden', 'Originals are only for roles allowed identified patient data.');
    }
    const cacheControl =
      params.name === 'original'
        ? ORIGINAL_CACHE_CONTROL
        : params.name === 'web'
          ? WEB_CACHE_CONTROL
          : RENDITION_CACHE_CONTROL;
    if (ifNoneMatch && params.name !== 'original') {
      const etag = await this.photos.renditionEtag(params.id, params.name);
      if (etag && ifNoneMatch.split(/\s*,\s*/).includes(etag)) {
        void reply.status(304).header('etag', etag).header('cache-control', cacheControl);
        return undefined;
      }
    }
    const opened = await this.photos.openRendition(params.id, params.name, caller);
    void reply
      .header('etag', opened.etag)
      .header('cache-control', cacheControl)
      .header('content-length', String(opened.contentLength));
    return new StreamableFile(opened.body, {
      type: opened.contentType,
      disposition: `inline; filename="${opened.photoId}-${params.name}.${EXTENSION[opened.contentType] ?? 'bin'}"`,
    });
  }
}
