import type { ApiKeyEntity } from './api-key.entity.js';
import type { ApiKeyDto, SessionDto, UserDto } from './dto/auth.dto.js';
import type { SessionEntity } from './session.entity.js';
import type { UserEntity } from './user.entity.js';

// What leaves the service about accounts, sessions and keys: never a hash, secret or token.

export function userView(user: UserEntity): UserDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    active: user.active,
    totpEnabled: user.totpSecret !== null,
    passwordChangedAt: user.passwordChangedAt,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}

export function sessionView(session: SessionEntity): SessionDto {
  return {
    id: session.id,
    createdAt: session.createdAt,
    expiresAt: session.expiresAt,
    lastSeenAt: session.lastSeenAt,
    totpVerified: session.totpVerified,
  };
}

export function apiKeyView(apiKey: ApiKeyEntity): ApiKeyDto {
  return {
    id: apiKey.id,
    name: apiKey.name,
    tokenPrefix: apiKey.tokenPrefix,
    permissions: apiKey.permissions,
    createdBy: apiKey.createdBy,
    createdAt: apiKey.createdAt,
    revokedAt: apiKey.revokedAt,
    lastUsedAt: apiKey.lastUsedAt,
    lastUsedIp: apiKey.lastUsedIp,
  };
}
