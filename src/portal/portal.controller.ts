import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Query,
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
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, patientOf, type Caller } from '../common/caller.js';
import { PatientSessionsService } from '../auth/patient-sessions.service.js';
import { PatientSession, Public } from '../common/access.decorator.js';
import { documentDownload } from '../common/document-download.js';
import { idempotentRequest } from '../idempotency/idempotency.js';
import { ApiFileResponse, ApiProblems, CONTENT_DISPOSITION_HEADER, ETAG_HEADER } from '../common/api-docs.js';
import {
  PortalAccessAnswerDto,
  PortalAccessDto,
  PortalLanguageQueryDto,
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

const THUMBNAIL_CACHE_CONTROL_HEADER = {
  description: '`private, max-age=300`: the browser may keep the thumbnail for five minutes.',
  schema: { type: 'string', example: THUMBNAIL_CACHE_CONTROL },
};

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

  @Public()
  @Post('access')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask for a sign-in link to the patient portal',
    description:
      'Public. When the email address is on file for a patient with that date of birth (or for the guardian ' +
      'of a patient who is a minor), a one-time sign-in link is mailed to it. The answer is the same 202 ' +
      'whether or not anything matched, so it tells nobody whether an address is on file. Throttled per ' +
      'email address (5 an hour) and per client address (30 an hour).',
  })
  @ApiAcceptedResponse({
    type: PortalAccessAnswerDto,
    description: 'Always the same answer, matched or not.',
  })
  @ApiProblems({ 429: ['too_many_requests'] })
  async access(@Body() input: PortalAccessDto, @CurrentCaller() caller: Caller): Promise<PortalAccessAnswerDto> {
    await this.portal.requestAccess(input, caller);
    return {
      message:
        'If these details match our records, a sign-in link is on its way to the email address on file. ' +
        'It works once, for a short time.',
    };
  }

  @Public()
  @Post('session')
  @ApiOperation({
    summary: 'Exchange a sign-in link for a portal session',
    description:
      'Public. Exchanges the token of the mailed link, once and before it expires, for a patient session: ' +
      'a bearer token for the other portal routes, valid until `expiresAt`. A used, expired, unknown or ' +
      'malformed link answers the same 401. Throttled per client address (30 an hour).',
  })
  @ApiCreatedResponse({ type: PortalSessionDto, description: 'The session started.' })
  @ApiProblems({ 401: ['portal_link_invalid'], 429: ['too_many_requests'] })
  async session(@Body() input: PortalSessionRequestDto, @CurrentCaller() caller: Caller): Promise<PortalSessionDto> {
    await this.throttle.countSessionAttempt(caller.clientIp);
    const started = await this.sessions.start(input.token, caller);
    return { token: started.token, expiresAt: started.expiresAt };
  }

  @PatientSession()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({
    summary: 'End the portal session',
    description: 'Ends the patient session whose token is sent; the token no longer works afterwards.',
  })
  @ApiNoContentResponse({ description: 'The session has ended.' })
  async logout(@CurrentCaller() caller: Caller): Promise<void> {
    await this.sessions.end(patientOf(caller), caller);
  }

  @PatientSession()
  @Get('me')
  @ApiOperation({
    summary: 'Get the patient’s consent overview',
    description:
      'For the signed-in patient: their current releases in plain words, their photos and where each is ' +
      'published, their removal cases with progress, and the receipts of their withdrawals, the sentences in ' +
      'English or Spanish. The read is audited.',
  })
  @ApiOkResponse({ type: PortalOverviewDto, description: 'Everything the patient’s consent covers.' })
  async me(@Query() query: PortalLanguageQueryDto, @CurrentCaller() caller: Caller): Promise<PortalOverviewDto> {
    return this.portal.overview(patientOf(caller).patientId, query.language ?? 'en', caller);
  }

  @PatientSession()
  @IdempotentInTransaction()
  @Post('revocations')
  @ApiOperation({
    summary: 'Withdraw consent',
    description:
      'Withdraws the signed-in patient’s consent, effective now: everything, some channels, or some of their ' +
      'own photos, for all their releases or those named. Publications no longer cleared go into a removal ' +
      'case. Answers the receipt, which is also mailed.',
  })
  @ApiCreatedResponse({
    type: PortalReceiptDto,
    description: 'The receipt of the withdrawal.',
  })
  @ApiProblems({ 404: ['photos_not_found', 'releases_not_found'] })
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

  @PatientSession()
  @Get('releases/:id/document')
  @ApiOperation({
    summary: 'Download the patient’s copy of a signed release',
    description:
      'The signed release form as it was stored (PDF, or a JPEG or PNG scan), as an attachment that is not ' +
      'to be cached. Only the signed-in patient’s own releases; any other answers 404. The download is audited.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The release (any version the patient has).' })
  @ApiFileResponse({
    mediaTypes: ['application/pdf', 'image/jpeg', 'image/png'],
    description: 'The signed form, in the type it was stored in.',
    headers: {
      ETag: { description: 'The SHA-256 of the file, quoted.', schema: { type: 'string' } },
      'Content-Disposition': CONTENT_DISPOSITION_HEADER,
      'Cache-Control': { description: '`private, no-store`.', schema: { type: 'string' } },
    },
  })
  @ApiProblems({ 404: ['object_not_found'] })
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

  @PatientSession()
  @Get('revocations/:id/receipt')
  @ApiOperation({
    summary: 'Download the receipt of a withdrawal made in the portal',
    description:
      'The PDF receipt the service made when the signed-in patient withdrew consent in the portal, sealed with ' +
      'the clinic’s certificate. Any other revocation answers 404. The download is audited.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The revocation.' })
  @ApiFileResponse({
    mediaTypes: ['application/pdf'],
    description: 'The sealed receipt.',
    headers: {
      ETag: { description: 'The SHA-256 of the file, quoted.', schema: { type: 'string' } },
      'Content-Disposition': CONTENT_DISPOSITION_HEADER,
      'Cache-Control': { description: '`private, no-store`.', schema: { type: 'string' } },
    },
  })
  @ApiProblems({ 404: ['object_not_found'] })
  async revocationReceipt(
    @Param('id', ParseUUIDPipe) revocationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentCaller() caller: Caller,
  ): Promise<StreamableFile> {
    const { contentType, sha256, object } = await this.portal.revocationReceipt(
      patientOf(caller).patientId,
      revocationId,
      caller,
    );
    return documentDownload(reply, object, { contentType, sha256, baseName: `withdrawal-receipt-${revocationId}` });
  }

  @PatientSession()
  @Get('photos/:id/thumbnail')
  @ApiOperation({
    summary: 'Get a thumbnail of one of the patient’s photos',
    description:
      'A 400 px WebP of one of the signed-in patient’s own photos, without metadata; any other photo answers ' +
      '404. Send the `ETag` back as `If-None-Match` to get 304 while it is unchanged.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The photo.' })
  @ApiHeader({
    name: 'If-None-Match',
    required: false,
    description: 'The `ETag` of a copy held: 304 without the bytes when it is still current.',
  })
  @ApiFileResponse({
    mediaTypes: ['image/webp'],
    description: 'The thumbnail (at most 400 px on the long edge).',
    headers: {
      ETag: ETAG_HEADER,
      'Cache-Control': THUMBNAIL_CACHE_CONTROL_HEADER,
      'Content-Disposition': {
        description: '`inline`, named `<photo id>.webp`.',
        schema: { type: 'string' },
      },
    },
  })
  @ApiResponse({
    status: 304,
    description: 'Not modified: the copy held (`If-None-Match`) is current.',
    headers: { ETag: ETAG_HEADER, 'Cache-Control': THUMBNAIL_CACHE_CONTROL_HEADER },
  })
  @ApiProblems({ 404: ['object_not_found'] })
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
