import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '../common/caller.js';
import { RequirePermission } from '../common/access.decorator.js';
import { METADATA_FIELD, readMultipart, validateMetadata } from '../common/multipart.js';
import { AppConfig } from '../config/app-config.js';
import { ApiMultipartBody, ApiProblems } from '../common/api-docs.js';
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
  @ApiOperation({
    summary: 'Check whether a photo may be used as intended',
    description:
      'Decides whether marketing may use the photo on the channel and in the way the query describes, at `at` ' +
      '(default now), and records the check in the audit trail. Needs the `clearance.check` permission (staff ' +
      'or API key). Answers the decision with every failed rule, the remedies and the governing release; a ' +
      'denial is still a 200.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The photo.' })
  @ApiOkResponse({ type: ClearanceDto, description: 'The decision, allowed or not, as recorded in the audit trail.' })
  async check(
    @Param('id', ParseUUIDPipe) photoId: string,
    @Query() use: IntendedUseDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ClearanceDto> {
    return clearanceView(await this.clearance.check(photoId, use, caller));
  }

  @RequirePermission('clearance.check')
  @Post('clearance/batch')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Check up to 500 photo uses at once',
    description:
      'Decides each photo/use pair as the single check does and answers the decisions in the order asked; ' +
      'each check is recorded in the audit trail. Needs the `clearance.check` permission. If any photo does ' +
      'not exist, nothing is decided or recorded: 404 `photos_not_found` lists the missing ids (a batch of ' +
      'one unknown photo answers 404 `not_found`).',
  })
  @ApiOkResponse({ type: ClearanceBatchResultDto, description: 'One decision per check, in the order asked.' })
  @ApiProblems({ 404: ['photos_not_found', 'not_found'] })
  async checkBatch(
    @Body() batch: ClearanceBatchDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ClearanceBatchResultDto> {
    const results = await this.clearance.checkAll(batch.checks, caller);
    return Object.assign(new ClearanceBatchResultDto(), { results: results.map(clearanceView) });
  }

  @RequirePermission('clearance.check')
  @Post('clearance/lookup')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Find the photos a file is a copy of, with clearance',
    description:
      'Reverse lookup: the stored photos the uploaded file is a copy of (resized, recompressed, ' +
      'colour-adjusted or cropped by up to 10% per side), best first, each with its clearance for the ' +
      'intended use given in `metadata`. The file is checked like a photo upload and never stored; the lookup ' +
      'and each check are audited. Needs the `clearance.check` permission; a file under 32 px on a side is ' +
      'refused rather than matched with nothing.',
  })
  @ApiMultipartBody({
    file: { field: LOOKUP_FILE_FIELD, description: 'JPEG, PNG, WebP, TIFF or AVIF, at least 32 px on each side.' },
    metadata: { field: METADATA_FIELD, type: IntendedUseDto },
  })
  @ApiOkResponse({
    type: ClearanceLookupResultDto,
    description: "The file's SHA-256 and the photos it copies, best first (possibly none).",
  })
  @ApiProblems({
    400: ['empty_file'],
    415: ['unsupported_file_type', 'heic_not_supported'],
    422: ['image_unreadable', 'image_too_many_pixels', 'image_too_small_to_compare'],
  })
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
