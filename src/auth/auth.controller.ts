import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Public, SignedIn } from '../common/access.decorator.js';
import { AppConfig } from '../config/app-config.js';
import { AuthService } from './auth.service.js';
import { sessionView, userView } from './auth.views.js';
import { CurrentCaller, staffOf, type Caller } from './caller.js';
import {
  ChangePasswordDto,
  LoginDto,
  LoginResponseDto,
  MeDto,
  TotpCodeDto,
  TotpEnrolmentDto,
  TotpVerifiedDto,
} from './dto/auth.dto.js';
import { ACCOUNT_SECRETS, IdempotencyKeyRefused } from '../idempotency/idempotency.decorators.js';

@ApiTags('auth')
@IdempotencyKeyRefused(ACCOUNT_SECRETS)
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  /** Signs a staff member in and returns an opaque bearer token. */
  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts for this account or address; see Retry-After.' })
  async login(@Body() body: LoginDto, @CurrentCaller() caller: Caller): Promise<LoginResponseDto> {
    const result = await this.auth.login(body, caller);
    return {
      token: result.token,
      tokenType: 'Bearer',
      expiresAt: result.session.expiresAt,
      idleTimeoutSeconds: this.config.auth.sessionIdleTimeoutMs / 1000,
      totpEnrolmentRequired: result.totpEnrolmentRequired,
      user: userView(result.user),
    };
  }

  /** Ends this session. */
  @SignedIn({ allowedBeforeTotpEnrolment: true })
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse()
  async logout(@CurrentCaller() caller: Caller): Promise<void> {
    await this.auth.logout(staffOf(caller), caller);
  }

  /** The signed-in staff member, their session and what they may do. */
  @SignedIn({ allowedBeforeTotpEnrolment: true })
  @Get('me')
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentCaller() caller: Caller): Promise<MeDto> {
    const principal = staffOf(caller);
    const { user, session } = await this.auth.describe(principal);
    return {
      user: userView(user),
      session: sessionView(session),
      permissions: [...principal.permissions].sort(),
      totpEnrolmentRequired: principal.totpEnrolmentRequired,
    };
  }

  /** Starts setting up a second factor: a secret for the authenticator app, active once verified. */
  @SignedIn({ allowedBeforeTotpEnrolment: true })
  @Post('totp/enrol')
  @HttpCode(200)
  @ApiOkResponse({ type: TotpEnrolmentDto })
  enrolTotp(@CurrentCaller() caller: Caller): Promise<TotpEnrolmentDto> {
    return this.auth.enrolTotp(staffOf(caller), caller);
  }

  /** Proves a code: confirms enrolment, and lifts this session's enrolment restriction. */
  @SignedIn({ allowedBeforeTotpEnrolment: true })
  @Post('totp/verify')
  @HttpCode(200)
  @ApiOkResponse({ type: TotpVerifiedDto })
  verifyTotp(@Body() body: TotpCodeDto, @CurrentCaller() caller: Caller): Promise<TotpVerifiedDto> {
    return this.auth.verifyTotp(staffOf(caller), body.code, caller);
  }

  /** Changes the caller's own password; every session of the account ends, this one too. */
  @SignedIn()
  @Post('password')
  @HttpCode(204)
  @ApiNoContentResponse()
  async changePassword(@Body() body: ChangePasswordDto, @CurrentCaller() caller: Caller): Promise<void> {
    await this.auth.changeOwnPassword(staffOf(caller), body.currentPassword, body.newPassword, caller);
  }
}
