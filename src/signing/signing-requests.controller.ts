import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../common/access.decorator.js';
import { CurrentCaller, type Caller } from '../common/caller.js';
import {
  CreateSigningRequestDto,
  SignatureDto,
  SignedReleaseDto,
  SigningRequestDto,
  SigningRequestListDto,
  SigningRequestListQueryDto,
  SigningRequestSummaryDto,
} from './dto/signing.dto.js';
import { SigningRequestsService, type SigningRequestView } from './signing-requests.service.js';

const STAFF_AT_THE_DESK = { staffOnly: true } as const;

/**
 * Release forms signed on the clinic's tablet: the front desk makes the request from the terms,
 * the patient reads the form and signs, and the release is recorded from exactly those terms.
 */
@ApiTags('signing')
@Controller()
export class SigningRequestsController {
  constructor(private readonly signing: SigningRequestsService) {}

  @RequirePermission('releases.write', STAFF_AT_THE_DESK)
  @Post('patients/:id/signing-requests')
  @ApiOperation({
    summary: 'Make a release form for the patient to sign',
    description:
      'Renders the form from a template version and the terms the front desk fills in (as the preview does) ' +
      'and keeps it waiting for the signature for four hours. Refused, with nothing kept, when the form could ' +
      'not be signed as it stands (a minor’s needs a guardian; an adult’s cannot have one).',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The patient.' })
  @ApiCreatedResponse({ type: SigningRequestDto })
  async create(
    @Param('id', ParseUUIDPipe) patientId: string,
    @Body() body: CreateSigningRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<SigningRequestDto> {
    return requestView(await this.signing.create(patientId, body, caller));
  }

  @RequirePermission('releases.write', STAFF_AT_THE_DESK)
  @Get('signing-requests')
  @ApiOperation({
    summary: 'List signing requests',
    description: 'The requests in one state (by default those waiting for a signature), newest first, up to 200.',
  })
  @ApiOkResponse({ type: SigningRequestListDto })
  async list(@Query() query: SigningRequestListQueryDto): Promise<SigningRequestListDto> {
    const items = await this.signing.list(query.status ?? 'pending');
    return { items: items.map(summaryOf) };
  }

  @RequirePermission('releases.write', STAFF_AT_THE_DESK)
  @Get('patients/:id/signing-requests/:requestId')
  @ApiOperation({
    summary: 'Read a signing request and its form',
    description:
      'The form as it reads now, rendered again from the request’s terms, with the `sha256` a signature must ' +
      'name; `form` is null once the request can no longer be signed. The read is audited.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The patient.' })
  @ApiParam({ name: 'requestId', format: 'uuid' })
  @ApiOkResponse({ type: SigningRequestDto })
  async get(
    @Param('id', ParseUUIDPipe) patientId: string,
    @Param('requestId', ParseUUIDPipe) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<SigningRequestDto> {
    return requestView(await this.signing.get(patientId, id, caller));
  }

  @RequirePermission('releases.write', STAFF_AT_THE_DESK)
  @Post('patients/:id/signing-requests/:requestId/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a signing request', description: 'Only while it waits for its signature.' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The patient.' })
  @ApiParam({ name: 'requestId', format: 'uuid' })
  @ApiOkResponse({ type: SigningRequestDto })
  async cancel(
    @Param('id', ParseUUIDPipe) patientId: string,
    @Param('requestId', ParseUUIDPipe) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<SigningRequestDto> {
    return requestView(await this.signing.cancel(patientId, id, caller));
  }

  @RequirePermission('releases.write', STAFF_AT_THE_DESK)
  @Post('patients/:id/signing-requests/:requestId/signature')
  @ApiOperation({
    summary: 'Sign the form at the desk',
    description:
      'The patient (or guardian) signs the form they were shown: `shownSha256` must be the `sha256` of the form ' +
      'as it reads now, the drawing a signature, the typed name the signer’s, the consent to sign electronically ' +
      'given (and a guardian’s attestation). The release is recorded with exactly the request’s terms, the signed ' +
      'staff member as witness; its document is the PDF of the form, the drawn signature and a signature page ' +
      '(signer, witness, the database’s time, device address and browser, the form’s hash), sealed (PAdES) with ' +
      'the clinic’s certificate. The patient’s copy is mailed to the address on file. Signed once: a second ' +
      'signature is refused.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The patient.' })
  @ApiParam({ name: 'requestId', format: 'uuid' })
  @ApiCreatedResponse({ type: SignedReleaseDto })
  async sign(
    @Param('id', ParseUUIDPipe) patientId: string,
    @Param('requestId', ParseUUIDPipe) id: string,
    @Body() body: SignatureDto,
    @CurrentCaller() caller: Caller,
  ): Promise<SignedReleaseDto> {
    return { releaseId: await this.signing.signAtDesk(patientId, id, body, caller) };
  }
}

function summaryOf({
  request,
  patientCode,
  state,
}: Omit<SigningRequestView, 'form' | 'signer'>): SigningRequestSummaryDto {
  return {
    id: request.id,
    patientId: request.patientId,
    patientCode,
    delivery: request.delivery,
    status: state,
    language: request.language,
    templateId: request.templateId,
    createdAt: request.createdAt,
    createdByUserId: request.createdByUserId,
    expiresAt: request.expiresAt,
    signedAt: request.signedAt,
    releaseId: request.releaseId,
    amendsReleaseId: request.amendsReleaseId,
  };
}

function requestView(view: SigningRequestView): SigningRequestDto {
  return { ...summaryOf(view), signer: view.signer, form: view.form };
}
