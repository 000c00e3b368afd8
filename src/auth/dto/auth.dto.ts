import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
import { API_KEY_GRANTABLE_PERMISSIONS, PERMISSIONS, ROLES, type Permission, type Role } from '../roles.js';

export class LoginDto {
  @ApiProperty({ example: 'frontdesk@clinic.example' })
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;

  @ApiPropertyOptional({ description: 'The current 6-digit code, for accounts with a second factor.' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  totpCode?: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() active!: boolean;
  @ApiProperty({ description: 'Whether a second factor is set up.' }) totpEnabled!: boolean;
  @ApiProperty({ format: 'date-time' }) passwordChangedAt!: Date;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt!: Date;
}

export class LoginResponseDto {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <token>`. Shown only here.' }) token!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ format: 'date-time', description: 'The latest the session can last.' }) expiresAt!: Date;
  @ApiProperty({ description: 'The session ends after this many seconds without a request.' })
  idleTimeoutSeconds!: number;
  @ApiProperty({
    description: 'The role needs a second factor that is not set up yet: enrol before anything else.',
  })
  totpEnrolmentRequired!: boolean;
  @ApiProperty({ type: UserDto }) user!: UserDto;
}

export class SessionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ format: 'date-time' }) expiresAt!: Date;
  @ApiProperty({ format: 'date-time' }) lastSeenAt!: Date;
  @ApiProperty() totpVerified!: boolean;
}

export class MeDto {
  @ApiProperty({ type: UserDto }) user!: UserDto;
  @ApiProperty({ type: SessionDto }) session!: SessionDto;
  @ApiProperty({ enum: PERMISSIONS, isArray: true }) permissions!: Permission[];
  @ApiProperty() totpEnrolmentRequired!: boolean;
}

export class TotpEnrolmentDto {
  @ApiProperty({ description: 'Base32 secret, for typing into an authenticator app.' }) secret!: string;
  @ApiProperty({ description: 'otpauth:// URI, for a QR code.' }) otpauthUri!: string;
}

export class TotpCodeDto {
  @ApiProperty({ example: '123456' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits the authenticator app shows' })
  code!: string;
}

export class TotpVerifiedDto {
  @ApiProperty({ format: 'date-time' }) enrolledAt!: Date;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  currentPassword!: string;

  @ApiProperty({ minLength: 12, description: 'At least 12 characters and not a common password.' })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  newPassword!: string;
}

export class CreateUserDto {
  @ApiProperty()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ minLength: 12, description: 'At least 12 characters and not a common password.' })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'false disables the account and ends its sessions at once.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'A new password; ends the user’s sessions at once.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password?: string;

  @ApiPropertyOptional({ description: 'true removes the second factor (lost device) and ends the sessions.' })
  @IsOptional()
  @IsBoolean()
  resetTotp?: boolean;
}

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Clinic website' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: API_KEY_GRANTABLE_PERMISSIONS, isArray: true })
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
  @ApiProperty({ description: 'The first characters of the token, to tell keys apart.' }) tokenPrefix!: string;
  @ApiProperty({ enum: PERMISSIONS, isArray: true }) permissions!: Permission[];
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) revokedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) lastUsedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) lastUsedIp!: string | null;
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <token>`. Shown only now; store it safely.' })
  token!: string;
}
