import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access.decorator.js';
import { userView } from './auth.views.js';
import { CurrentCaller, type Caller } from './caller.js';
import { CreateUserDto, UpdateUserDto, UserDto } from './dto/auth.dto.js';
import { UsersService } from './users.service.js';
import { ACCOUNT_SECRETS, IdempotencyKeyRefused } from '../idempotency/idempotency.decorators.js';

@ApiTags('users')
@IdempotencyKeyRefused(ACCOUNT_SECRETS)
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @RequirePermission('users.write')
  @Post()
  @ApiCreatedResponse({ type: UserDto })
  async create(@Body() body: CreateUserDto, @CurrentCaller() caller: Caller): Promise<UserDto> {
    return userView(await this.users.create(body, caller));
  }

  @RequirePermission('users.read')
  @Get()
  @ApiOkResponse({ type: [UserDto] })
  async list(): Promise<UserDto[]> {
    return (await this.users.list()).map(userView);
  }

  @RequirePermission('users.read')
  @Get(':id')
  @ApiOkResponse({ type: UserDto })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    return userView(await this.users.get(id));
  }

  /** Changes name, role, active flag, password or second factor; disabling ends every session at once. */
  @RequirePermission('users.write')
  @Patch(':id')
  @ApiOkResponse({ type: UserDto })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateUserDto,
    @CurrentCaller() caller: Caller,
  ): Promise<UserDto> {
    return userView(await this.users.update(id, body, caller));
  }
}
