import { Controller, Get, Headers, Param, ParseUUIDPipe, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
  type HeaderObject,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError } from '../auth/auth.errors.js';
import { CurrentCaller, type Caller } from '../common/caller.js';
import { RequirePermission } from '../common/access.decorator.js';
import { METADATA_FIELD, readMultipart, validateMetadata } from '../common/multipart.js';
import { AppConfig } from '../config/app-config.js';
import { PHOTO_CONTENT_TYPES } from '../images/image.service.js';
import { ApiFileResponse, ApiMultipartBody, ApiProblems, ETAG_HEADER } from '../common/api-docs.js';
import { PhotoDto, PhotoUploadMetadataDto, RenditionParamsDto } from './dto/photo.dto.js';
import { LibraryPhotoPageDto, PhotoLibraryQueryDto } from './dto/photo-library.dto.js';
import { PhotoLibraryService } from './photo-library.service.js';
import { RENDITION_NAMES } from './photo.entity.js';
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

const RENDITION_ETAG: HeaderObject = {
  ...ETAG_HEADER,
  description:
    'Quoted; changes when the bytes change (for `web`, also when the rights written into it change). Send it ' +
    'back as `If-None-Match` to revalidate `thumb` or `web`.',
};
const RENDITION_CACHE_CONTROL_HEADER: HeaderObject = {
  description:
    '`thumb`: `private, max-age=86400, immutable`; `web`: `private, no-cache` (revalidate before each use, as ' +
    'the rights change); `original`: `private, no-store`.',
  schema: { type: 'string' },
};

@ApiTags('photos')
@Controller()
export class PhotosController {
  constructor(
    private readonly photos: PhotosService,
    private readonly library: PhotoLibraryService,
    private readonly config: AppConfig,
  ) {}

  @RequirePermission('photos.read')
  @Get('photos')
  @ApiOperation({
    summary: 'List photos (the library)',
    description:
      'De-identified photos, newest upload first, filtered by procedure, body area, kind and, with `clearedFor`, ' +
      'by whether the clearance rule clears the photo for that channel now (each item then carries the verdict); ' +
      'a page at a time: pass `nextCursor` as `before` for the next page. Items name the case and the patient ' +
      'by pseudonymous codes only. The `clearedFor` filter only narrows the list and is not recorded as a check: ' +
      'check the intended use (`GET /api/v1/photos/{id}/clearance`) before using a photo. Needs `photos.read`.',
  })
  @ApiOkResponse({ type: LibraryPhotoPageDto, description: 'One page of photos, newest upload first.' })
  @ApiProblems({ 400: ['validation_failed'] })
  async list(@Query() query: PhotoLibraryQueryDto): Promise<LibraryPhotoPageDto> {
    return Object.assign(new LibraryPhotoPageDto(), await this.library.list(query));
  }

  @RequirePermission('photos.upload')
  @Post('cases/:id/photos')
  @ApiOperation({
    summary: 'Upload a photo of a case',
    description:
      'Uploads a photo to the case: the image in `file` (JPEG, PNG, WebP, TIFF or AVIF, judged by its bytes; ' +
      'HEIC is refused) and its fields as JSON in `metadata`. The service keeps the original as the clinical ' +
      'record and makes a 2048 px JPEG and a 400 px WebP without metadata. The same file cannot be uploaded ' +
      'twice for a patient, and a photo named as the pair must be of the same case and form a before/after pair.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The case’s id.' })
  @ApiMultipartBody({
    file: { field: PHOTO_FILE_FIELD, description: 'The photo: JPEG, PNG, WebP, TIFF or AVIF.' },
    metadata: { field: METADATA_FIELD, type: PhotoUploadMetadataDto },
  })
  @ApiCreatedResponse({ type: PhotoDto, description: 'The stored photo and its renditions.' })
  @ApiProblems({
    400: ['empty_file'],
    409: ['duplicate_photo'],
    415: ['unsupported_file_type', 'heic_not_supported'],
    422: ['invalid_pairing', 'image_unreadable', 'image_too_many_pixels'],
  })
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
  @ApiOperation({
    summary: 'Get a photo’s details',
    description:
      'The photo’s fields, its pairs, and the size and address of each rendition. The uploader’s file name is ' +
      'shown only to roles allowed identified data, and that read is audited.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The photo’s id.' })
  @ApiOkResponse({ type: PhotoDto, description: 'The photo.' })
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<PhotoDto> {
    const found = await this.photos.get(id);
    await this.photos.auditFileNameRead(found.photo, caller);
    return photoView(found);
  }

  @RequirePermission('photos.read')
  @Get('photos/:id/renditions/:name')
  @ApiOperation({
    summary: 'Download a photo rendition',
    description:
      'The image bytes: `thumb` (400 px WebP) and `web` (2048 px JPEG, carrying the photo’s rights as they stand ' +
      'now in XMP) hold no other metadata; `original` is the upload as stored, only for roles allowed identified ' +
      'data (403 `forbidden` otherwise), and each read of it is audited. `thumb` and `web` honour ' +
      '`If-None-Match` with a 304.',
  })
  @ApiParam({ name: 'id', type: String, format: 'uuid', description: 'The photo’s id.' })
  @ApiParam({
    name: 'name',
    enum: RENDITION_NAMES,
    description:
      '`thumb`: 400 px WebP; `web`: 2048 px JPEG with the rights in XMP; `original`: the upload as stored ' +
      '(roles allowed identified data only).',
  })
  @ApiHeader({
    name: 'If-None-Match',
    required: false,
    description: 'The ETag of a copy held: answered 304 when it is still current. Ignored for `original`.',
  })
  @ApiFileResponse({
    mediaTypes: [...new Set(['image/webp', 'image/jpeg', ...PHOTO_CONTENT_TYPES])],
    description:
      'The image, `inline`: `thumb` is WebP, `web` JPEG, `original` the type it was uploaded in (JPEG, PNG, ' +
      'WebP, TIFF or AVIF).',
    headers: {
      ETag: RENDITION_ETAG,
      'Cache-Control': RENDITION_CACHE_CONTROL_HEADER,
      'Content-Disposition': {
        description: '`inline`, named `<photo id>-<rendition>.<extension>` by the service.',
        schema: { type: 'string' },
      },
    },
  })
  @ApiResponse({
    status: 304,
    description: 'The copy named by `If-None-Match` is current; no body.',
    headers: { ETag: RENDITION_ETAG, 'Cache-Control': RENDITION_CACHE_CONTROL_HEADER },
  })
  @ApiProblems({ 400: ['validation_failed'], 404: ['object_not_found'] })
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
