import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { RequirePermission } from '../common/access.decorator.js';
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
  @ApiCreatedResponse({ type: HoldDto })
  async place(
    @Param('id', ParseUUIDPipe) patientId: string,
    @Body() dto: PlaceHoldDto,
    @CurrentCaller() caller: Caller,
  ): Promise<HoldDto> {
    return holdView(await this.holds.place(patientId, dto, caller));
  }

  @RequirePermission('holds.write')
  @Get('patients/:id/holds')
  @ApiOkResponse({ type: HoldListDto })
  async list(@Param('id', ParseUUIDPipe) patientId: string): Promise<HoldListDto> {
    return Object.assign(new HoldListDto(), { items: (await this.holds.list(patientId)).map(holdView) });
  }

  /** Lifts the hold; the hold itself stays on record, lifted (when, by whom, why). */
  @RequirePermission('holds.write')
  @Delete('holds/:id')
  @ApiOkResponse({ type: HoldDto })
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
