import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { RequirePermission } from '../common/access.decorator.js';
import { ApiKeysService } from './api-keys.service.js';
import { apiKeyView } from './auth.views.js';
import { CurrentCaller, type Caller } from '../common/caller.js';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/auth.dto.js';
import { ACCOUNT_SECRETS, IdempotencyKeyRefused } from '../idempotency/idempotency.decorators.js';

@ApiTags('api-keys')
@IdempotencyKeyRefused(ACCOUNT_SECRETS)
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @RequirePermission('api_keys.write')
  @Post()
  @ApiOperation({
    summary: 'Create an API key',
    description:
      'Creates a key for another system of the clinic (website, CMS) with some of the permissions a key may ' +
      'hold. The token is in this answer only, never again: store it safely. Staff sessions only.',
  })
  @ApiCreatedResponse({ type: CreatedApiKeyDto, description: 'The key, with its token.' })
  async create(@Body() body: CreateApiKeyDto, @CurrentCaller() caller: Caller): Promise<CreatedApiKeyDto> {
    const { apiKey, token } = await this.apiKeys.create(body.name, body.permissions, caller);
    return { ...apiKeyView(apiKey), token };
  }

  @RequirePermission('api_keys.read')
  @Get()
  @ApiOperation({
    summary: 'List API keys',
    description: 'Every API key, revoked ones too, oldest first, without their tokens.',
  })
  @ApiOkResponse({ type: [ApiKeyDto], description: 'The keys.' })
  async list(): Promise<ApiKeyDto[]> {
    return (await this.apiKeys.list()).map(apiKeyView);
  }

  @RequirePermission('api_keys.write')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Revoke an API key',
    description:
      'Revokes the key at once: its token is refused from then on. It stays listed, revoked, as a record of ' +
      'what it could do. Revoking a revoked key changes nothing.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The API key.' })
  @ApiNoContentResponse({ description: 'The key is revoked.' })
  async revoke(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<void> {
    await this.apiKeys.revoke(id, caller);
  }
}
