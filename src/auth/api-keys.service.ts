import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { NotFoundError } from '../common/domain-error.js';
import { ApiKeyEntity } from './api-key.entity.js';
import { UnauthenticatedError } from './auth.errors.js';
import { staffOf, type ApiKeyPrincipal, type Caller } from '../common/caller.js';
import type { Permission } from '../common/roles.js';
import { generateToken, hashToken } from './secret-token.js';

// Last use is written at most once a minute per key: a busy website must not write on every request.
const LAST_USED_RESOLUTION_MS = 60_000;
// "pcs_k_" and the first 6 characters of the secret: enough to tell keys apart, useless to an attacker.
const TOKEN_PREFIX_LENGTH = 12;

/** Credentials for machine clients, created by an admin; the token is shown once and stored hashed. */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(
    name: string,
    permissions: Permission[],
    caller: Caller,
  ): Promise<{ apiKey: ApiKeyEntity; token: string }> {
    const token = generateToken('api_key');
    const apiKey = await this.dataSource.transaction(async (manager) => {
      const created = await manager.save(
        manager.create(ApiKeyEntity, {
          name: name.trim(),
          tokenPrefix: token.slice(0, TOKEN_PREFIX_LENGTH),
          tokenHash: hashToken(token),
          permissions: [...new Set(permissions)].sort(),
          createdBy: staffOf(caller).userId,
          revokedAt: null,
          lastUsedAt: null,
          lastUsedIp: null,
        }),
      );
      await this.audit.record(
        caller,
        {
          action: 'api_key.create',
          entityType: 'api_key',
          entityId: created.id,
          details: { permissions: created.permissions },
        },
        manager,
      );
      return created;
    });
    return { apiKey, token };
  }

  list(): Promise<ApiKeyEntity[]> {
    return this.dataSource.manager.find(ApiKeyEntity, { order: { createdAt: 'ASC' } });
  }

  /** Revoking is final and idempotent; the row stays as evidence of what the key could do. */
  async revoke(id: string, caller: Caller): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const apiKey = await manager.findOne(ApiKeyEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!apiKey) throw new NotFoundError('The API key');
      if (apiKey.revokedAt) return;
      await manager.update(ApiKeyEntity, { id }, { revokedAt: this.clock.now() });
      await this.audit.record(caller, { action: 'api_key.revoke', entityType: 'api_key', entityId: id }, manager);
    });
  }

  async authenticate(token: string, clientIp: string | null): Promise<ApiKeyPrincipal> {
    const apiKey = await this.dataSource.manager.findOneBy(ApiKeyEntity, { tokenHash: hashToken(token) });
    if (!apiKey || apiKey.revokedAt) throw new UnauthenticatedError('invalid_token');
    const now = this.clock.now();
    if (!apiKey.lastUsedAt || now.getTime() - apiKey.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
      await this.dataSource.manager.update(ApiKeyEntity, { id: apiKey.id }, { lastUsedAt: now, lastUsedIp: clientIp });
    }
    return { kind: 'api_key', apiKeyId: apiKey.id, name: apiKey.name, permissions: new Set(apiKey.permissions) };
  }
}
