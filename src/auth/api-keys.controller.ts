import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access.decorator.js';
import { ApiKeysService } from './api-keys.service.js';
import { apiKeyView } from './auth.views.js';
import { CurrentCaller, type Caller } from './caller.js';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/auth.dto.js';
import { ACCOUNT_SECRETS, IdempotencyKeyRefused } from '../idempotency/idempotency.decorators.js';

@ApiTags('api-keys')
@IdempotencyKeyRefused(ACCOUNT_SECRETS)
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  /** Creates a key for a machine client with some permissions; the token is shown only in this answer. */
  @RequirePermission('api_keys.write')
  @Post()
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  async create(@Body() body: CreateApiKeyDto, @CurrentCaller() caller: Caller): Promise<CreatedApiKeyDto> {
    const { apiKey, token } = await this.apiKeys.create(body.name, body.permissions, caller);
    return { ...apiKeyView(apiKey), token };
  }

  @RequirePermission('api_keys.read')
  @Get()
  @ApiOkResponse({ type: [ApiKeyDto] })
  async list(): Promise<ApiKeyDto[]> {
    return (await this.apiKeys.list()).map(apiKeyView);
  }

  /** Revokes the key at once; it stays listed, revoked, as a record. */
  @RequirePermission('api_keys.write')
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async revoke(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<void> {
    await this.apiKeys.revoke(id, caller);
  }
}
