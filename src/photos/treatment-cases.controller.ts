import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '../common/caller.js';
import { RequirePermission } from '../common/access.decorator.js';
import { CreateCaseDto } from '../patients/dto/patient.dto.js';
import { TreatmentCasesService } from '../patients/treatment-cases.service.js';
import { CaseDto } from './dto/case.dto.js';
import { caseView, photoSummaryView } from './photo.views.js';
import { PhotosService } from './photos.service.js';

const PATIENT_ID = { name: 'id', format: 'uuid', description: 'The patient’s id.' } as const;

/** A patient's treatment cases, each answered with its photos. */
@ApiTags('patients')
@Controller()
export class TreatmentCasesController {
  constructor(
    private readonly cases: TreatmentCasesService,
    private readonly photos: PhotosService,
  ) {}

  @RequirePermission('patients.write')
  @Post('patients/:id/cases')
  @ApiOperation({
    summary: 'Open a treatment case',
    description:
      'Opens a treatment case (procedure, provider, treatment date) for the patient; photos are uploaded to a ' +
      'case and releases may cover chosen cases. Answers the case, with no photos yet.',
  })
  @ApiParam(PATIENT_ID)
  @ApiCreatedResponse({ type: CaseDto, description: 'The new case.' })
  async createCase(
    @Param('id', ParseUUIDPipe) patientId: string,
    @Body() body: CreateCaseDto,
    @CurrentCaller() caller: Caller,
  ): Promise<CaseDto> {
    return caseView(await this.cases.create(patientId, body, caller), []);
  }

  @RequirePermission('photos.read')
  @Get('cases/:id')
  @ApiOperation({
    summary: 'Get a case and its photos',
    description:
      'The case with its photos, oldest first. It names the patient by code only; the notes are shown to roles ' +
      'allowed identified data, and that read is audited.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The case’s id.' })
  @ApiOkResponse({ type: CaseDto, description: 'The case and its photos.' })
  async getCase(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<CaseDto> {
    const found = await this.cases.get(id, caller);
    return caseView(found, (await this.photos.listForCase(id)).map(photoSummaryView));
  }
}
