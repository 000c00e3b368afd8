import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { RequirePermission } from '../common/access.decorator.js';
import { ClearanceService, type CheckedUse } from './clearance.service.js';
import { ClearanceBatchDto, ClearanceBatchResultDto, ClearanceDto, IntendedUseDto } from './dto/clearance.dto.js';

/**
 * Whether marketing may use a photo, and why not: each check is decided by the clearance rule and
 * recorded in the audit trail as evidence that it was made.
 */
@ApiTags('clearance')
@Controller()
export class ClearanceController {
  constructor(private readonly clearance: ClearanceService) {}

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
}

export function clearanceView({ photoId, use, decision, checkedAt }: CheckedUse): ClearanceDto {
  return Object.assign(new ClearanceDto(), { photoId, use, ...decision, checkedAt });
}
