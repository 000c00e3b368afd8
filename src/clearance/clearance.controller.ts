import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { RequirePermission } from '../common/access.decorator.js';
import { METADATA_FIELD, readMultipart, validateMetadata } from '../common/multipart.js';
import { AppConfig } from '../config/app-config.js';
import { ClearanceService, type CheckedUse } from './clearance.service.js';
import {
  ClearanceBatchDto,
  ClearanceBatchResultDto,
  ClearanceDto,
  ClearanceLookupResultDto,
  IntendedUseDto,
} from './dto/clearance.dto.js';
import { LOOKUP_FILE_FIELD, LookupService } from './lookup.service.js';

/**
 * Whether marketing may use a photo, and why not: each check is decided by the clearance rule and
 * recorded in the audit trail as evidence that it was made.
 */
@ApiTags('clearance')
@Controller()
export class ClearanceController {
  constructor(
    private readonly clearance: ClearanceService,
    private readonly lookups: LookupService,
    private readonly config: AppConfig,
  ) {}

  @RequirePermission('clearance.check')
  @Get('photos/:id/clearance')
  @ApiOkResponse({ type: ClearanceDto })
  async check(
    @Param('id', ParseUUIDPipe) photoId: string,
    @Query() use: IntendedUseDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ClearanceDto> {
    return clearanceView(await this.clearance.check(photoId, use, caller));
  }

  /** Up to 500 photo/use pairs in one call, answered in the order asked. */
  @RequirePermission('clearance.check')
  @Post('clearance/batch')
  @HttpCode(200)
  @ApiOkResponse({ type: ClearanceBatchResultDto })
  async checkBatch(
    @Body() batch: ClearanceBatchDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ClearanceBatchResultDto> {
    const results = await this.clearance.checkAll(batch.checks, caller);
    return Object.assign(new ClearanceBatchResultDto(), { results: results.map(clearanceView) });
  }

  /**
   * Reverse lookup: the photos a file is a copy of (resized, recompressed, colour-adjusted or
   * cropped by up to 10% per side), best first, each with its clearance for the intended use. The
   * file is checked like an upload and never stored; the lookup and each check are audited. A file
   * under 32 px on a side is refused (422 `image_too_small_to_compare`) rather than matched with
   * nothing.
   */
  @RequirePermission('clearance.check')
  @Post('clearance/lookup')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [LOOKUP_FILE_FIELD, METADATA_FIELD],
      properties: {
        [LOOKUP_FILE_FIELD]: {
          type: 'string',
          format: 'binary',
          description: 'JPEG, PNG, WebP, TIFF or AVIF, at least 32 px on each side',
        },
        [METADATA_FIELD]: { type: 'string', description: 'IntendedUseDto as JSON' },
      },
    },
  })
  @ApiOkResponse({ type: ClearanceLookupResultDto })
  async lookup(@Req() request: FastifyRequest, @CurrentCaller() caller: Caller): Promise<ClearanceLookupResultDto> {
    const form = await readMultipart(request, {
      fileField: LOOKUP_FILE_FIELD,
      maxFileBytes: this.config.photos.maxBytes,
    });
    const use = await validateMetadata(IntendedUseDto, form.metadata);
    const result = await this.lookups.lookup(form.file, use, caller);
    return Object.assign(new ClearanceLookupResultDto(), {
      sha256: result.sha256,
      matches: result.matches.map(({ clearance, ...match }) => ({ ...match, clearance: clearanceView(clearance) })),
    });
  }
}

export function clearanceView({ photoId, use, decision, checkedAt }: CheckedUse): ClearanceDto {
  return Object.assign(new ClearanceDto(), { photoId, use, ...decision, checkedAt });
}
