import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, SignedIn } from '../common/access.decorator.js';
import { AppConfig } from '../config/app-config.js';
import { AuthService } from './auth.service.js';
import { sessionView, userView } from './auth.views.js';
import { cookieOptions, CSRF_COOKIE, csrfTokenFor, SESSION_COOKIE } from './browser-session.js';
import { CurrentCaller, staffOf, type Caller } from '../common/caller.js';
import {
  ChangePasswordDto,
  BrowserSessionDto,
  LoginDto,
  LoginResponseDto,
  MeDto,
  TotpCodeDto,
  TotpEnrolmentDto,
  TotpVerifiedDto,
} from './dto/auth.dto.js';
import { ACCOUNT_SECRETS, IdempotencyKeyRefused } from '../idempotency/idempotency.decorators.js';
import { ApiProblems } from '../common/api-docs.js';

@ApiTags('auth')
@IdempotencyKeyRefused(ACCOUNT_SECRETS)
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in as staff',
    description:
      'Signs a staff member in with email and password, plus the authenticator code once a second factor is set ' +
      'up, and answers an opaque bearer token for a new session. Failed attempts are counted per address and ' +
      'per account: past the limit the answer is 429 until `Retry-After`, and while an account’s password is ' +
      'being guessed only a sign-in with the code, or from an address used lately, gets in.',
  })
  @ApiOkResponse({ type: LoginResponseDto, description: 'Signed in: the token and the new session.' })
  @ApiProblems({
    401: ['invalid_credentials', 'totp_required', 'totp_invalid'],
    429: ['too_many_attempts'],
  })
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

  @Public()
  @Post('browser-session')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in as staff in a browser',
    description:
      'Signs in as `POST /auth/login` does, for the web console: the session goes into an HttpOnly, ' +
      'SameSite=Strict cookie (`pcs_session`, Secure in production) that no script can read, instead of into ' +
      'the answer. Requests then need no Authorization header; each one that changes something must carry the ' +
      'answer’s `csrfToken` as `X-CSRF-Token` (it is also in the readable `pcs_csrf` cookie).',
  })
  @ApiOkResponse({ type: BrowserSessionDto, description: 'Signed in: the cookies are set.' })
  @ApiProblems({
    401: ['invalid_credentials', 'totp_required', 'totp_invalid'],
    429: ['too_many_attempts'],
  })
  async browserSession(
    @Body() body: LoginDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BrowserSessionDto> {
    const result = await this.auth.login(body, caller);
    const csrfToken = csrfTokenFor(result.token);
    void reply
      .setCookie(SESSION_COOKIE, result.token, cookieOptions(this.config, false))
      .setCookie(CSRF_COOKIE, csrfToken, cookieOptions(this.config, true));
    return {
      csrfToken,
      expiresAt: result.session.expiresAt,
      idleTimeoutSeconds: this.config.auth.sessionIdleTimeoutMs / 1000,
      totpEnrolmentRequired: result.totpEnrolmentRequired,
      user: userView(result.user),
    };
  }

  @SignedIn({ allowedBeforeTotpEnrolment: true })
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign out',
    description:
      'Ends the session whose token is sent (or whose browser cookie is), and clears a browser’s cookies; the ' +
      'token is refused from then on. Other sessions stay.',
  })
  @ApiNoContentResponse({ description: 'The session has ended.' })
  async logout(
    @CurrentCaller() caller: Caller,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(staffOf(caller), caller);
    if (!request.headers.authorization && request.cookies[SESSION_COOKIE]) {
      void reply
        .clearCookie(SESSION_COOKIE, cookieOptions(this.config, false))
        .clearCookie(CSRF_COOKIE, cookieOptions(this.config, true));
    }
  }

  @SignedIn({ allowedBeforeTotpEnrolment: true })
  @Get('me')
  @ApiOperation({
    summary: 'Get the signed-in staff member',
    description:
      'The signed-in staff member’s account, this session, the permissions of their role, and whether they must ' +
      'set up a second factor before anything else. Allowed before that enrolment.',
  })
  @ApiOkResponse({ type: MeDto, description: 'The account, the session and its permissions.' })
  async me(@CurrentCaller() caller: Caller): Promise<MeDto> {
    const principal = staffOf(caller);
    const { user, session } = await this.auth.describe(principal);
    return {
      user: userView(user),
      session: sessionView(session),
      permissions: [...principal.permissions].sort(),
      totpEnrolmentRequired: principal.totpEnrolmentRequired,
      idleTimeoutSeconds: this.config.auth.sessionIdleTimeoutMs / 1000,
    };
  }

  @SignedIn({ allowedBeforeTotpEnrolment: true })
  @Post('totp/enrol')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Start setting up a second factor',
    description:
      'Makes a new secret for an authenticator app (TOTP), as text and as an `otpauth://` URI for a QR code. ' +
      'It becomes active once a code from it is proved with `POST /api/v1/auth/totp/verify`; calling this again ' +
      'before then replaces it. Refused when a second factor is already set up: an admin resets a lost one.',
  })
  @ApiOkResponse({ type: TotpEnrolmentDto, description: 'The secret, pending until a code from it is verified.' })
  @ApiProblems({ 409: ['totp_already_enrolled'] })
  enrolTotp(@CurrentCaller() caller: Caller): Promise<TotpEnrolmentDto> {
    return this.auth.enrolTotp(staffOf(caller), caller);
  }

  @SignedIn({ allowedBeforeTotpEnrolment: true })
  @Post('totp/verify')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Prove a second-factor code',
    description:
      'Checks a code from the authenticator app: confirms a pending enrolment, and marks this session as having ' +
      'passed the second factor, which lifts its enrolment restriction. Each code is accepted once; wrong codes ' +
      'count as failed sign-ins.',
  })
  @ApiOkResponse({ type: TotpVerifiedDto, description: 'The code is right; the second factor is active.' })
  @ApiProblems({ 401: ['totp_invalid'], 409: ['totp_not_enrolled'], 429: ['too_many_attempts'] })
  verifyTotp(@Body() body: TotpCodeDto, @CurrentCaller() caller: Caller): Promise<TotpVerifiedDto> {
    return this.auth.verifyTotp(staffOf(caller), body.code, caller);
  }

  @SignedIn()
  @Post('password')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Change your own password',
    description:
      'Changes the signed-in staff member’s password, given the current one. The new one must be at least 12 ' +
      'characters and not guessable (400 `validation_failed` otherwise). Every session of the account ends, this ' +
      'one too: sign in again. Wrong current passwords count as failed sign-ins.',
  })
  @ApiNoContentResponse({ description: 'Changed; every session of the account has ended.' })
  @ApiProblems({ 403: ['wrong_current_password'], 429: ['too_many_attempts'] })
  async changePassword(@Body() body: ChangePasswordDto, @CurrentCaller() caller: Caller): Promise<void> {
    await this.auth.changeOwnPassword(staffOf(caller), body.currentPassword, body.newPassword, caller);
  }
}
