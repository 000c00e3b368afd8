import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, patientOf, type Caller } from '../auth/caller.js';
import { PatientSessionsService } from '../auth/patient-sessions.service.js';
import { PatientSession, Public } from '../common/access.decorator.js';
import { documentDownload } from '../common/document-download.js';
import { idempotentRequest } from '../idempotency/idempotency.js';
import {
  PortalAccessAnswerDto,
  PortalAccessDto,
  PortalOverviewDto,
  PortalReceiptDto,
  PortalRevocationDto,
  PortalSessionDto,
  PortalSessionRequestDto,
} from './dto/portal.dto.js';
import { PortalThrottle } from './portal-throttle.js';
import { PortalService } from './portal.service.js';
import { IdempotentInTransaction } from '../idempotency/idempotency.decorators.js';

const THUMBNAIL_CACHE_CONTROL = 'private, max-age=300';

/**
 * The patient portal: a patient asks for a sign-in link with their email address and date of birth,
 * exchanges the mailed link for a short session, then sees and withdraws their own consent. Every
 * route but the first two needs that session; staff credentials are refused, and another patient's
 * records answer 404.
 */
@ApiTags('portal')
@Controller('portal')
export class PortalController {
  constructor(
    private readonly portal: PortalService,
    private readonly sessions: PatientSessionsService,
    private readonly throttle: PortalThrottle,
  ) {}

  /**
   * Always 202 with the same answer. When the email address is on file for a patient (or their
   * guardian) with that date of birth, a one-time link is mailed to it. Throttled per address and
   * per client.
   */
  @Public()
  @Post('access')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: PortalAccessAnswerDto })
  @ApiTooManyRequestsResponse({ description: 'Too many requests; see Retry-After.' })
  async access(@Body() input: PortalAccessDto, @CurrentCaller() caller: Caller): Promise<PortalAccessAnswerDto> {
    await this.portal.requestAccess(input, caller);
    return {
      message:
        'If these details match our records, a sign-in link is on its way to the email address on file. ' +
        'It works once, for a short time.',
    };
  }

  /** Exchanges the mailed link's token, once and before it expires, for a patient session. */
  @Public()
  @Post('session')
  @ApiCreatedResponse({ type: PortalSessionDto })
  @ApiUnauthorizedResponse({ description: 'The link was already used, has expired, or is not one.' })
  async session(@Body() input: PortalSessionRequestDto, @CurrentCaller() caller: Caller): Promise<PortalSessionDto> {
    await this.throttle.countSessionAttempt(caller.clientIp);
    const started = await this.sessions.start(input.token, caller);
    return { token: started.token, expiresAt: started.expiresAt };
  }

  /** Ends the patient session. */
  @PatientSession()
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse()
  async logout(@CurrentCaller() caller: Caller): Promise<void> {
    await this.sessions.end(patientOf(caller), caller);
  }

  /** The patient's releases in plain words, photos and where each is published, removal cases and receipts. */
  @PatientSession()
  @Get('me')
  @ApiOkResponse({ type: PortalOverviewDto })
  async me(@CurrentCaller() caller: Caller): Promise<PortalOverviewDto> {
    return this.portal.overview(patientOf(caller).patientId, caller);
  }

  /**
   * Withdraws consent, effective now: everything, some channels, or some of the patient's photos.
   * Answers the receipt; the same receipt is mailed.
   */
  @PatientSession()
  @IdempotentInTransaction()
  @Post('revocations')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'The same key with the same request returns the first answer and records nothing twice.',
  })
  @ApiCreatedResponse({ type: PortalReceiptDto })
  async revoke(
    @Body() input: PortalRevocationDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentCaller() caller: Caller,
  ): Promise<PortalReceiptDto> {
    const idempotency = idempotentRequest(request, caller, 'POST /portal/revocations', input);
    const response = await this.portal.revoke(patientOf(caller), input, caller, idempotency);
    void reply.status(response.status);
    if (response.replayed) void reply.header('idempotent-replayed', 'true');
    return response.body;
  }

  /** The patient's copy of a signed release form. */
  @PatientSession()
  @Get('releases/:id/document')
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  async releaseDocument(
    @Param('id', ParseUUIDPipe) releaseId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentCaller() caller: Caller,
  ): Promise<StreamableFile> {
    const { contentType, sha256, object } = await this.portal.releaseDocument(
      patientOf(caller).patientId,
      releaseId,
      caller,
    );
    return documentDownload(reply, object, { contentType, sha256, baseName: `photo-release-${releaseId}` });
  }

  /** A thumbnail of one of the patient's photos (400 px WebP, no metadata). */
  @PatientSession()
  @Get('photos/:id/thumbnail')
  @ApiProduces('image/webp')
  async thumbnail(
    @Param('id', ParseUUIDPipe) photoId: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentCaller() caller: Caller,
  ): Promise<StreamableFile | undefined> {
    const { sha256, open } = await this.portal.thumbnail(patientOf(caller).patientId, photoId);
    const etag = `"${sha256}"`;
    void reply.header('etag', etag).header('cache-control', THUMBNAIL_CACHE_CONTROL);
    if (ifNoneMatch?.split(/\s*,\s*/).includes(etag)) {
      void reply.status(304);
      return undefined;
    }
    const object = await open();
    void reply.header('content-length', String(object.contentLength));
    return new StreamableFile(object.body, { type: 'image/webp', disposition: `inline; filename="${photoId}.webp"` });
  }
}
