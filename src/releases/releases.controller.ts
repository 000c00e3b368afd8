import { Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiExtraModels,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { RequirePermission } from '../common/access.decorator.js';
import { Clock } from '../common/clock.js';
import { documentDownload } from '../common/document-download.js';
import { METADATA_FIELD, readMultipart, validateMetadata } from '../common/multipart.js';
import { AppConfig } from '../config/app-config.js';
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

function multipartBody(metadataModel: string) {
  return {
    schema: {
      type: 'object' as const,
      required: [DOCUMENT_FILE_FIELD, METADATA_FIELD],
      properties: {
        [DOCUMENT_FILE_FIELD]: { type: 'string', format: 'binary', description: 'The signed form: PDF, JPEG or PNG' },
        [METADATA_FIELD]: { type: 'string', description: `${metadataModel} as JSON` },
      },
    },
  };
}

@ApiTags('releases')
@ApiExtraModels(ReleaseMetadataDto, AmendmentMetadataDto)
@Controller()
export class ReleasesController {
  constructor(
    private readonly releases: ReleasesService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Records a signed release: the form in `document`, the fields (ReleaseMetadataDto) as JSON in `metadata`. */
  @RequirePermission('releases.write')
  @Post('patients/:id/releases')
  @ApiConsumes('multipart/form-data')
  @ApiBody(multipartBody(ReleaseMetadataDto.name))
  @ApiCreatedResponse({ type: ReleaseDto })
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

  /** The patient's releases, current versions only unless `includeSuperseded=true`; newest signed first. */
  @RequirePermission('releases.read')
  @Get('patients/:id/releases')
  @ApiOkResponse({ type: [ReleaseDto] })
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
  @ApiOkResponse({ type: ReleaseDto })
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<ReleaseDto> {
    return releaseView(await this.releases.get(id, caller));
  }

  /**
   * A newly signed amendment: a new version that supersedes this one (which must be the current
   * one). Fields left out of `metadata` (AmendmentMetadataDto) carry over.
   */
  @RequirePermission('releases.write')
  @Post('releases/:id/amendments')
  @ApiConsumes('multipart/form-data')
  @ApiBody(multipartBody(AmendmentMetadataDto.name))
  @ApiCreatedResponse({ type: ReleaseDto })
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

  /** Each element of 45 CFR 164.508(c), passed or with what is missing. Not legal advice. */
  @RequirePermission('releases.read')
  @Get('releases/:id/checklist')
  @ApiOkResponse({ type: ChecklistDto })
  async checklist(@Param('id', ParseUUIDPipe) id: string): Promise<ChecklistDto> {
    return this.releases.checklist(id);
  }

  /** The release version as an HL7 FHIR R4 Consent resource. */
  @RequirePermission('releases.read')
  @Get('releases/:id/fhir')
  @ApiProduces('application/fhir+json')
  @ApiOkResponse({ description: 'FHIR R4 Consent' })
  async fhir(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FhirConsent> {
    const record = await this.releases.get(id, caller, { audit: true, action: 'release.fhir.read' });
    const now = this.clock.now();
    const revocations = await this.releases.revocationsInEffect(record.release, record.caseIds, now);
    void reply.header('content-type', 'application/fhir+json; fhirVersion=4.0; charset=utf-8');
    return toFhirConsent(record.release, {
      patientCode: record.patientCode,
      caseIds: record.caseIds,
      documentUrl: releaseDocumentUrl(id),
      now,
      revocations,
      defective: record.defects.length > 0,
    });
  }

  /** The signed form as it was uploaded; each download is audited. */
  @RequirePermission('releases.read')
  @Get('releases/:id/document')
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
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
