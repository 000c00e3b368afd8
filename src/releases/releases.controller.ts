import { Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '../common/caller.js';
import { RequirePermission } from '../common/access.decorator.js';
import { documentDownload } from '../common/document-download.js';
import { METADATA_FIELD, readMultipart, validateMetadata } from '../common/multipart.js';
import { AppConfig } from '../config/app-config.js';
import { DOCUMENT_CONTENT_TYPES } from '../images/image.service.js';
import {
  ApiFileResponse,
  ApiMultipartBody,
  ApiProblems,
  CONTENT_DISPOSITION_HEADER,
  ETAG_HEADER,
  type ProblemsByStatus,
} from '../common/api-docs.js';
import { FhirConsentDto } from './dto/fhir-consent.dto.js';
import {
  AmendmentMetadataDto,
  ChecklistDto,
  ReleaseDto,
  ReleaseListQueryDto,
  ReleaseMetadataDto,
} from './dto/release.dto.js';
import { toFhirConsent, type FhirConsent } from './release-fhir.js';
import { releaseDocumentUrl, releaseView } from './release.views.js';
import { DOCUMENT_FILE_FIELD, ReleasesService } from './releases.service.js';

const RELEASE_ID = { name: 'id', format: 'uuid', description: 'The release version’s id.' } as const;

const SIGNED_FORM = {
  field: DOCUMENT_FILE_FIELD,
  description: 'The signed form: PDF, JPEG or PNG, judged by its bytes; a PDF must be complete.',
};

/** What checking and storing a signed form, and the rules of its terms, can refuse. */
const SIGNED_FORM_PROBLEMS: ProblemsByStatus = {
  400: ['witness_required', 'empty_file'],
  415: ['unsupported_file_type', 'heic_not_supported'],
  422: ['document_incomplete', 'image_unreadable', 'image_too_many_pixels'],
};

@ApiTags('releases')
@ApiExtraModels(FhirConsentDto)
@Controller()
export class ReleasesController {
  constructor(
    private readonly releases: ReleasesService,
    private readonly config: AppConfig,
  ) {}

  @RequirePermission('releases.write')
  @Post('patients/:id/releases')
  @ApiOperation({
    summary: 'Record a signed release',
    description:
      'Records a signed photo release (a HIPAA authorization) as version 1 of a new authorization: the signed ' +
      'form in `document`, its fields as JSON in `metadata`. A patient under 18 on the signing day needs a ' +
      'guardian’s signature, a parent cannot sign for an adult, the covered cases must be the patient’s and the ' +
      'witness an active staff member (404 otherwise). The release is recorded even when its 164.508(c) ' +
      'checklist is incomplete (`checklistComplete` says so). Publications it no longer clears are taken down ' +
      'through a removal case.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The patient’s id.' })
  @ApiMultipartBody({ file: SIGNED_FORM, metadata: { field: METADATA_FIELD, type: ReleaseMetadataDto } })
  @ApiCreatedResponse({ type: ReleaseDto, description: 'The recorded release.' })
  @ApiProblems(SIGNED_FORM_PROBLEMS)
  async create(
    @Param('id', ParseUUIDPipe) patientId: string,
    @Req() request: FastifyRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<ReleaseDto> {
    await this.releases.assertPatientExists(patientId);
    const form = await this.readForm(request);
    const metadata = await validateMetadata(ReleaseMetadataDto, form.metadata);
    const id = await this.releases.create(patientId, form.file, metadata, caller);
    return releaseView(await this.releases.get(id, caller, { audit: false }));
  }

  @RequirePermission('releases.read')
  @Get('patients/:id/releases')
  @ApiOperation({
    summary: 'List a patient’s releases',
    description:
      'The patient’s releases, newest signed first: the current version of each authorization, or every ' +
      'version with `includeSuperseded=true`. The read is audited.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The patient’s id.' })
  @ApiOkResponse({ type: [ReleaseDto], description: 'The releases.' })
  async list(
    @Param('id', ParseUUIDPipe) patientId: string,
    @Query() query: ReleaseListQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ReleaseDto[]> {
    const records = await this.releases.listForPatient(patientId, query.includeSuperseded === 'true', caller);
    return records.map(releaseView);
  }

  @RequirePermission('releases.read')
  @Get('releases/:id')
  @ApiOperation({
    summary: 'Get a release version',
    description:
      'One version of a release, with its covered cases, witness, signed form’s details and the list of every ' +
      'version of the authorization. The read is audited.',
  })
  @ApiParam(RELEASE_ID)
  @ApiOkResponse({ type: ReleaseDto, description: 'The release version.' })
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<ReleaseDto> {
    return releaseView(await this.releases.get(id, caller));
  }

  @RequirePermission('releases.write')
  @Post('releases/:id/amendments')
  @ApiOperation({
    summary: 'Record a signed amendment',
    description:
      'Records a newly signed amendment as the next version of the authorization, superseding this one, which ' +
      'must be the current version (409 `release_superseded` names the current one otherwise). The newly signed ' +
      'form goes in `document`; fields left out of `metadata` carry over, except the witness. Publications the ' +
      'amended terms no longer clear are taken down through a removal case.',
  })
  @ApiParam({ ...RELEASE_ID, description: 'The id of the current version to amend.' })
  @ApiMultipartBody({ file: SIGNED_FORM, metadata: { field: METADATA_FIELD, type: AmendmentMetadataDto } })
  @ApiCreatedResponse({ type: ReleaseDto, description: 'The new version.' })
  @ApiProblems({ ...SIGNED_FORM_PROBLEMS, 409: ['release_superseded'] })
  async amend(
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: FastifyRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<ReleaseDto> {
    await this.releases.find(id);
    const form = await this.readForm(request);
    const metadata = await validateMetadata(AmendmentMetadataDto, form.metadata);
    const amendedId = await this.releases.amend(id, form.file, metadata, caller);
    return releaseView(await this.releases.get(amendedId, caller, { audit: false }));
  }

  @RequirePermission('releases.read')
  @Get('releases/:id/checklist')
  @ApiOperation({
    summary: 'Check a release against 45 CFR 164.508(c)',
    description:
      'Each element 45 CFR 164.508(c) requires of an authorization, passed or with what is missing, judged on ' +
      'what was recorded from the signed form and the patient’s date of birth as it stands now. Not legal advice.',
  })
  @ApiParam(RELEASE_ID)
  @ApiOkResponse({ type: ChecklistDto, description: 'The checklist.' })
  async checklist(@Param('id', ParseUUIDPipe) id: string): Promise<ChecklistDto> {
    return this.releases.checklist(id);
  }

  @RequirePermission('releases.read')
  @Get('releases/:id/fhir')
  @ApiOperation({
    summary: 'Get a release as a FHIR Consent',
    description:
      'The release version as an HL7 FHIR R4 Consent resource, as it stands now: inactive once superseded, ' +
      'revoked, expired or not a valid authorization, with deny provisions for what revocations took away. ' +
      'Sent as `application/fhir+json; fhirVersion=4.0`. The read is audited.',
  })
  @ApiParam(RELEASE_ID)
  @ApiResponse({
    status: 200,
    description: 'The FHIR R4 Consent.',
    content: { 'application/fhir+json': { schema: { $ref: getSchemaPath(FhirConsentDto) } } },
  })
  async fhir(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FhirConsent> {
    const record = await this.releases.get(id, caller, { audit: true, action: 'release.fhir.read' });
    void reply.header('content-type', 'application/fhir+json; fhirVersion=4.0; charset=utf-8');
    return toFhirConsent(record.release, {
      patientCode: record.patientCode,
      caseIds: record.caseIds,
      documentUrl: releaseDocumentUrl(id),
      standing: record.standing,
    });
  }

  @RequirePermission('releases.read')
  @Get('releases/:id/document')
  @ApiOperation({
    summary: 'Download a release’s signed form',
    description:
      'The signed form of this version as it was uploaded, as an attachment that may not be cached. Each ' +
      'download is audited.',
  })
  @ApiParam(RELEASE_ID)
  @ApiFileResponse({
    mediaTypes: DOCUMENT_CONTENT_TYPES,
    description: 'The signed form: PDF, JPEG or PNG, as uploaded.',
    headers: {
      ETag: { ...ETAG_HEADER, description: 'The SHA-256 of the signed form, quoted (no conditional requests here).' },
      'Content-Disposition': CONTENT_DISPOSITION_HEADER,
      'Cache-Control': { description: 'Always `private, no-store`.', schema: { type: 'string' } },
    },
  })
  @ApiProblems({ 404: ['object_not_found'] })
  async document(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { release, object } = await this.releases.openDocument(id, caller);
    return documentDownload(reply, object, {
      contentType: release.documentContentType,
      sha256: release.documentSha256,
      baseName: `release-${release.id}-v${release.version}`,
    });
  }

  private readForm(request: FastifyRequest) {
    return readMultipart(request, {
      fileField: DOCUMENT_FILE_FIELD,
      maxFileBytes: this.config.releases.documentMaxBytes,
    });
  }
}
