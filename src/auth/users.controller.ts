import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access.decorator.js';
import { ApiProblems } from '../common/api-docs.js';
import { userView } from './auth.views.js';
import { CurrentCaller, type Caller } from '../common/caller.js';
import { CreateUserDto, UpdateUserDto, UserDto } from './dto/auth.dto.js';
import { UsersService } from './users.service.js';
import { ACCOUNT_SECRETS, IdempotencyKeyRefused } from '../idempotency/idempotency.decorators.js';

const USER_ID = ApiParam({ name: 'id', format: 'uuid', description: 'The staff account.' });

@ApiTags('users')
@IdempotencyKeyRefused(ACCOUNT_SECRETS)
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @RequirePermission('users.write')
  @Post()
  @ApiOperation({
    summary: 'Create a staff account',
    description:
      'Creates an active staff account with a role and an initial password (at least 12 characters, not ' +
      'guessable, not built from the email or name). The email address must not be in use. The user sets up a ' +
      'second factor at first sign-in if their role needs one.',
  })
  @ApiCreatedResponse({ type: UserDto, description: 'The new account.' })
  @ApiProblems({ 409: ['email_taken'] })
  async create(@Body() body: CreateUserDto, @CurrentCaller() caller: Caller): Promise<UserDto> {
    return userView(await this.users.create(body, caller));
  }

  @RequirePermission('users.read')
  @Get()
  @ApiOperation({
    summary: 'List staff accounts',
    description: 'Every staff account, disabled ones too, oldest first.',
  })
  @ApiOkResponse({ type: [UserDto], description: 'The accounts.' })
  async list(): Promise<UserDto[]> {
    return (await this.users.list()).map(userView);
  }

  @RequirePermission('users.read')
  @Get(':id')
  @ApiOperation({ summary: 'Get a staff account', description: 'One staff account.' })
  @USER_ID
  @ApiOkResponse({ type: UserDto, description: 'The account.' })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    return userView(await this.users.get(id));
  }

  @RequirePermission('users.write')
  @Patch(':id')
  @ApiOperation({
    summary: 'Change a staff account',
    description:
      'Changes the fields sent: name, role, active flag, password, or removes the second factor (a lost ' +
      'device). Disabling, a new password or removing the second factor ends every session of the account at ' +
      'once. An admin cannot change their own role or active flag, and no change may leave the service without ' +
      'an active admin.',
  })
  @USER_ID
  @ApiOkResponse({ type: UserDto, description: 'The account as changed.' })
  @ApiProblems({ 409: ['own_account', 'last_admin'] })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateUserDto,
    @CurrentCaller() caller: Caller,
  ): Promise<UserDto> {
    return userView(await this.users.update(id, body, caller));
  }
}
