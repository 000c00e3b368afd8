import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { MAX_PASSWORD_LENGTH } from '../password-policy.js';
import { API_KEY_GRANTABLE_PERMISSIONS, PERMISSIONS, ROLES, type Permission, type Role } from '../../common/roles.js';

export class LoginDto {
  @ApiProperty({
    maxLength: 254,
    example: 'jane.roe@clinic.example',
    description: 'The sign-in address; letter case and surrounding spaces do not matter.',
  })
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ maxLength: MAX_PASSWORD_LENGTH, example: 'Quiet-Harbor-Lantern-2026' })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;

  @ApiPropertyOptional({
    maxLength: 16,
    example: '492817',
    description:
      'The current 6-digit code of the authenticator app, for accounts with a second factor. Without it such ' +
      'an account is answered 401 `totp_required`.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  totpCode?: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'email', description: 'The sign-in address, in lower case.' }) email!: string;
  @ApiProperty({ description: 'The name shown to other staff.' }) displayName!: string;
  @ApiProperty({ enum: ROLES, enumName: 'StaffRole', description: 'The role, which decides the permissions.' })
  role!: Role;
  @ApiProperty({ description: 'false: the account is disabled and cannot sign in.' }) active!: boolean;
  @ApiProperty({ description: 'Whether a second factor is set up (enrolled and confirmed).' }) totpEnabled!: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) passwordChangedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
}

export class LoginResponseDto {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <token>`. Shown only here.' }) token!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ type: String, format: 'date-time', description: 'The latest the session can last.' })
  expiresAt!: Date;
  @ApiProperty({ type: 'integer', description: 'The session ends after this many seconds without a request.' })
  idleTimeoutSeconds!: number;
  @ApiProperty({
    description: 'The role needs a second factor that is not set up yet: enrol before anything else.',
  })
  totpEnrolmentRequired!: boolean;
  @ApiProperty({ type: UserDto }) user!: UserDto;
}

export class BrowserSessionDto extends OmitType(LoginResponseDto, ['token', 'tokenType'] as const) {
  @ApiProperty({
    description:
      'Send as the `X-CSRF-Token` header with every request that changes something. Also in the `pcs_csrf` ' +
      'cookie, which the page may read; the session itself is in an HttpOnly cookie no script can read.',
  })
  csrfToken!: string;
}

export class SessionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', description: 'The latest the session can last.' })
  expiresAt!: Date;
  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'Last activity, recorded in steps of up to a minute; the idle timeout counts from it.',
  })
  lastSeenAt!: Date;
  @ApiProperty({ description: 'Whether a second-factor code was proved in this session.' }) totpVerified!: boolean;
}

export class MeDto {
  @ApiProperty({ type: UserDto }) user!: UserDto;
  @ApiProperty({ type: SessionDto }) session!: SessionDto;
  @ApiProperty({
    enum: PERMISSIONS,
    enumName: 'Permission',
    isArray: true,
    description: "What the caller's role may do, sorted.",
  })
  permissions!: Permission[];
  @ApiProperty({
    description: 'The role needs a second factor this session has not proved: enrol (or verify) before anything else.',
  })
  totpEnrolmentRequired!: boolean;
  @ApiProperty({
    type: 'integer',
    description: 'The session ends after this many seconds without a request (counted from `session.lastSeenAt`).',
  })
  idleTimeoutSeconds!: number;
}

export class TotpEnrolmentDto {
  @ApiProperty({ description: 'Base32 secret, for typing into an authenticator app.' }) secret!: string;
  @ApiProperty({ format: 'uri', description: '`otpauth://totp/…` URI, for a QR code.' }) otpauthUri!: string;
}

export class TotpCodeDto {
  @ApiProperty({ pattern: '^\\d{6}$', example: '492817', description: 'The 6 digits the authenticator app shows.' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits the authenticator app shows' })
  code!: string;
}

export class TotpVerifiedDto {
  @ApiProperty({ type: String, format: 'date-time', description: 'When the second factor was first confirmed.' })
  enrolledAt!: Date;
}

export class ChangePasswordDto {
  @ApiProperty({ maxLength: MAX_PASSWORD_LENGTH, example: 'Quiet-Harbor-Lantern-2026' })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  currentPassword!: string;

  @ApiProperty({
    minLength: 12,
    maxLength: MAX_PASSWORD_LENGTH,
    example: 'Copper-Meadow-Signal-7413',
    description: 'At least 12 characters, not a common password, and not built from the account’s email or name.',
  })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  newPassword!: string;
}

export class CreateUserDto {
  @ApiProperty({
    format: 'email',
    maxLength: 254,
    example: 'jane.roe@clinic.example',
    description: 'The sign-in address; kept in lower case, and unique among accounts.',
  })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Jane Roe' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName!: string;

  @ApiProperty({ enum: ROLES, enumName: 'StaffRole', example: 'front_desk' })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({
    minLength: 12,
    maxLength: MAX_PASSWORD_LENGTH,
    example: 'Copper-Meadow-Signal-7413',
    description: 'At least 12 characters, not a common password, and not built from the email or name.',
  })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200, example: 'Jane Roe-Whitfield' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({
    enum: ROLES,
    enumName: 'StaffRole',
    example: 'privacy_officer',
    description: 'Not on your own account (409 `own_account`).',
  })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({
    example: true,
    description:
      'false disables the account and ends its sessions at once; true enables it again. Not on your own account.',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    minLength: 12,
    maxLength: MAX_PASSWORD_LENGTH,
    example: 'Granite-Willow-Beacon-5280',
    description: 'A new password, under the same rules as at creation; ends the user’s sessions at once.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password?: string;

  @ApiPropertyOptional({
    example: false,
    description: 'true removes the second factor (a lost device) and ends the sessions; the user enrols again.',
  })
  @IsOptional()
  @IsBoolean()
  resetTotp?: boolean;
}

export class CreateApiKeyDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Clinic website', description: 'What the key is for.' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({
    enum: API_KEY_GRANTABLE_PERMISSIONS,
    enumName: 'ApiKeyPermission',
    isArray: true,
    uniqueItems: true,
    example: ['photos.read', 'clearance.check'],
    description: 'What the key may do: only these permissions can be granted to a key.',
  })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(PERMISSIONS.length)
  @IsIn(API_KEY_GRANTABLE_PERMISSIONS, {
    each: true,
    message: `each permission must be one of ${API_KEY_GRANTABLE_PERMISSIONS.join(', ')}`,
  })
  permissions!: Permission[];
}

export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The first characters of the token (`pcs_k_…`), to tell keys apart.' })
  tokenPrefix!: string;
  @ApiProperty({ enum: PERMISSIONS, enumName: 'Permission', isArray: true, description: 'Sorted.' })
  permissions!: Permission[];
  @ApiProperty({ format: 'uuid', description: 'The staff member who created it.' }) createdBy!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null while the key works.' })
  revokedAt!: Date | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Recorded at most once a minute; null if never used.',
  })
  lastUsedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'The client address of that use.' })
  lastUsedIp!: string | null;
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <token>`. Shown only now; store it safely.' })
  token!: string;
}
