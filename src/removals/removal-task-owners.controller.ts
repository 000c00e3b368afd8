import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '../common/caller.js';
import { RequirePermission } from '../common/access.decorator.js';
import { ApiProblems } from '../common/api-docs.js';
import { SetTaskOwnerDto, TaskOwnerDto } from './dto/removal-task.dto.js';
import { RemovalTaskOwnersService } from './removal-task-owners.service.js';
import { CHANNEL_CODES } from '../rights/channels.js';

const CHANNEL = {
  name: 'channel',
  enum: CHANNEL_CODES,
  enumName: 'Channel',
  description: 'A channel code; a prefix such as `social` covers the channels under it.',
} as const;

/** The default owners of each channel's removal tasks. */
@ApiTags('removals')
@Controller()
export class RemovalTaskOwnersController {
  constructor(private readonly taskOwners: RemovalTaskOwnersService) {}

  @RequirePermission('removals.read')
  @Get('removal-task-owners')
  @ApiOperation({
    summary: 'List the default owners of removal tasks',
    description:
      'Who gets new removal tasks of each channel by default, by channel code. A task on a channel goes to the ' +
      'owner of the longest prefix that covers it; tasks without an owner are announced to every privacy officer.',
  })
  @ApiOkResponse({ type: [TaskOwnerDto], description: 'The owners, by channel code.' })
  async owners(): Promise<TaskOwnerDto[]> {
    return this.taskOwners.list();
  }

  @RequirePermission('removals.approve')
  @Put('removal-task-owners/:channel')
  @ApiOperation({
    summary: "Set the default owner of a channel's removal tasks",
    description:
      'Privacy officers only. Makes an active staff member who works removal tasks the owner of the tasks ' +
      'opened from now on for the channel and for those under it that have no owner of their own (`social` ' +
      'covers `social.instagram`). Tasks already open keep their assignee.',
  })
  @ApiParam(CHANNEL)
  @ApiOkResponse({ type: TaskOwnerDto, description: 'The channel’s owner as set.' })
  @ApiProblems({ 400: ['unknown_channel'], 422: ['assignee_not_eligible'] })
  async setOwner(
    @Param('channel') channel: string,
    @Body() dto: SetTaskOwnerDto,
    @CurrentCaller() caller: Caller,
  ): Promise<TaskOwnerDto> {
    return this.taskOwners.set(channel, dto.userId, caller);
  }

  @RequirePermission('removals.approve')
  @Delete('removal-task-owners/:channel')
  @HttpCode(204)
  @ApiOperation({
    summary: "Remove a channel's default task owner",
    description:
      'Privacy officers only. New tasks of the channel then go to the owner of a shorter prefix, if any, or to ' +
      'nobody (announced to every privacy officer). 404 when the channel has no owner of its own.',
  })
  @ApiParam(CHANNEL)
  @ApiNoContentResponse({ description: 'The owner was removed.' })
  @ApiProblems({ 400: ['unknown_channel'], 404: ['not_found'] })
  async removeOwner(@Param('channel') channel: string, @CurrentCaller() caller: Caller): Promise<void> {
    await this.taskOwners.remove(channel, caller);
  }
}
