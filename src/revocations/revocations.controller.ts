import { createHash } from 'node:crypto';
import { Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '../common/caller.js';
import { RequirePermission } from '../common/access.decorator.js';
import { documentDownload } from '../common/document-download.js';
import { readJsonOrMultipart } from '../common/multipart.js';
import { AppConfig } from '../config/app-config.js';
import { idempotentRequest } from '../idempotency/idempotency.js';
import {
  ApiFileResponse,
  ApiProblems,
  jsonOrMultipartBody,
  DOCUMENT_PROBLEMS,
  DOCUMENT_TYPES,
  DOCUMENT_HEADERS,
} from '../common/api-docs.js';
import { CreateRevocationDto, RevocationDto } from '../revocations/dto/revocation.dto.js';
import { revocationView } from '../revocations/revocation.views.js';
import { REVOCATION_DOCUMENT_FIELD, RevocationsService } from '../revocations/revocations.service.js';
import { IdempotentInTransaction } from '../idempotency/idempotency.decorators.js';

/** Revocations: recorded by staff, each opening its removal case (docs/architecture.md §3). */
@ApiTags('removals')
@ApiExtraModels(CreateRevocationDto)
@Controller()
export class RevocationsController {
  constructor(
    private readonly revocations: RevocationsService,
    private readonly config: AppConfig,
  ) {}

  @RequirePermission('revocations.write')
  @IdempotentInTransaction()
  @Post('patients/:id/revocations')
  @ApiOperation({
    summary: "Record a patient's revocation",
    description:
      'Records a revocation received by phone, letter, email or in person (front desk, privacy officer), ' +
      'effective at `receivedAt`: of everything, of some channels, or of some photos. In the same transaction ' +
      'it revokes the releases (for `everything`), takes down every live publication it no longer clears ' +
      '(hosted ones at once, the others `removal_pending` with a task) and opens the removal case, due 30 days ' +
      '(REMOVAL_DEADLINE_DAYS) after `receivedAt`; the patient gets a receipt. Send JSON, or multipart/form-data with the written ' +
      'request (PDF, JPEG or PNG) in `document` and the fields as JSON in `metadata`.',
    requestBody: jsonOrMultipartBody({
      fields: CreateRevocationDto,
      file: {
        field: REVOCATION_DOCUMENT_FIELD,
        description: 'The written request (PDF, JPEG or PNG, judged by its bytes), if there is one.',
        required: false,
      },
      example: {
        scope: { kind: 'channels', channels: ['social'] },
        receivedAt: '2026-11-30T14:05:00Z',
        receivedVia: 'phone',
        requester: { type: 'patient' },
        identityVerification: 'Called back on the number on file; confirmed date of birth',
      },
    }),
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The patient.' })
  @ApiCreatedResponse({
    type: RevocationDto,
    description: 'The revocation as recorded, with the releases it revoked and the removal case it opened.',
  })
  @ApiProblems(DOCUMENT_PROBLEMS)
  @ApiProblems({ 404: ['photos_not_found', 'releases_not_found'] })
  async revoke(
    @Param('id', ParseUUIDPipe) patientId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentCaller() caller: Caller,
  ): Promise<RevocationDto> {
    const form = await readJsonOrMultipart(request, CreateRevocationDto, {
      fileField: REVOCATION_DOCUMENT_FIELD,
      maxFileBytes: this.config.releases.documentMaxBytes,
    });
    const idempotency = idempotentRequest(request, caller, 'POST /patients/:id/revocations', {
      patientId,
      fields: form.metadata,
      documentSha256: form.file ? createHash('sha256').update(form.file.bytes).digest('hex') : null,
    });
    const response = await this.revocations.record(patientId, form.input, form.file, caller, idempotency);
    void reply.status(response.status);
    if (response.replayed) void reply.header('idempotent-replayed', 'true');
    return response.body;
  }

  @RequirePermission('removals.read')
  @Get('revocations/:id')
  @ApiOperation({
    summary: 'Get a revocation',
    description:
      'One revocation: its scope, when and how it was received, who asked, the releases it revoked and the ' +
      'removal case it opened. Identifying fields (the requester’s name and authority, the identity check, ' +
      'notes, the file name) are left out for callers without `patients.read`; for the others the read is audited.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The revocation.' })
  @ApiOkResponse({ type: RevocationDto, description: 'The revocation.' })
  async revocation(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<RevocationDto> {
    return revocationView(await this.revocations.get(id, caller));
  }

  @RequirePermission('releases.read')
  @Get('revocations/:id/document')
  @ApiOperation({
    summary: "Download a revocation's written request",
    description:
      'The written request attached to the revocation, as it was received (PDF, JPEG or PNG), as an attachment ' +
      'that is not to be cached; for roles that read releases. Each download is audited. 404 when the ' +
      'revocation has no written request.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The revocation.' })
  @ApiFileResponse({
    mediaTypes: DOCUMENT_TYPES,
    description: 'The written request, in the type it was stored in.',
    headers: DOCUMENT_HEADERS,
  })
  @ApiProblems({ 404: ['object_not_found'] })
  async document(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { contentType, sha256, object } = await this.revocations.openDocument(id, caller);
    return documentDownload(reply, object, { contentType, sha256, baseName: `revocation-${id}` });
  }
}
