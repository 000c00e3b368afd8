import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '../common/caller.js';
import { RequirePermission } from '../common/access.decorator.js';
import { ApiProblems } from '../common/api-docs.js';
import { HoldDto, HoldListDto, LiftHoldDto, PlaceHoldDto } from './dto/hold.dto.js';
import type { HoldEntity } from './hold.entity.js';
import { HoldsService } from './holds.service.js';

/** The privacy officer's holds on a patient's photos while a request is disputed or verified. */
@ApiTags('holds')
@Controller()
export class HoldsController {
  constructor(private readonly holds: HoldsService) {}

  @RequirePermission('holds.write')
  @Post('patients/:id/holds')
  @ApiOperation({
    summary: "Place a hold on a patient's photos",
    description:
      'Front desk and privacy officers. While the hold stands, clearance refuses every use of the held photos ' +
      '(the listed ones, or every photo of the patient, later uploads included) as `photo_on_hold`. Hosted ' +
      'publications of those photos are taken down at once and stay down after the hold is lifted. Answers ' +
      'the hold.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The patient.' })
  @ApiCreatedResponse({ type: HoldDto, description: 'The hold, standing.' })
  @ApiProblems({ 404: ['photos_not_found'] })
  async place(
    @Param('id', ParseUUIDPipe) patientId: string,
    @Body() dto: PlaceHoldDto,
    @CurrentCaller() caller: Caller,
  ): Promise<HoldDto> {
    return holdView(await this.holds.place(patientId, dto, caller));
  }

  @RequirePermission('holds.write')
  @Get('patients/:id/holds')
  @ApiOperation({
    summary: "List a patient's holds",
    description: 'Every hold placed on the patient’s photos, standing and lifted, newest first.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The patient.' })
  @ApiOkResponse({ type: HoldListDto, description: 'The holds.' })
  async list(@Param('id', ParseUUIDPipe) patientId: string): Promise<HoldListDto> {
    return Object.assign(new HoldListDto(), { items: (await this.holds.list(patientId)).map(holdView) });
  }

  @RequirePermission('holds.write')
  @Delete('holds/:id')
  @ApiOperation({
    summary: 'Lift a hold',
    description:
      'Lifts the hold: clearance gives back what the releases allow (hosted publications taken down by it stay ' +
      'down). The hold stays on record, lifted, with when, by whom and, if given, why. Answers the hold.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The hold.' })
  @ApiBody({ type: LiftHoldDto, required: false, description: 'Optional: why it is lifted.' })
  @ApiOkResponse({ type: HoldDto, description: 'The hold, lifted.' })
  @ApiProblems({ 409: ['hold_already_lifted'] })
  async lift(
    @Param('id', ParseUUIDPipe) holdId: string,
    @Body() dto: LiftHoldDto,
    @CurrentCaller() caller: Caller,
  ): Promise<HoldDto> {
    return holdView(await this.holds.lift(holdId, dto, caller));
  }
}

function holdView(hold: HoldEntity): HoldDto {
  return Object.assign(new HoldDto(), {
    id: hold.id,
    patientId: hold.patientId,
    photoIds: hold.photoIds,
    reason: hold.reason,
    placedAt: hold.placedAt,
    placedByUserId: hold.placedByUserId,
    active: hold.liftedAt === null,
    liftedAt: hold.liftedAt,
    liftedByUserId: hold.liftedByUserId,
    liftReason: hold.liftReason,
  });
}
