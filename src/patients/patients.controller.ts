import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { RequirePermission } from '../common/access.decorator.js';
import { PhotosService } from '../photos/photos.service.js';
import { photoSummaryView } from '../photos/photo.views.js';
import { CasesService } from './cases.service.js';
import { CaseDto } from './dto/case.dto.js';
import {
  CreateCaseDto,
  CreatePatientDto,
  PatientDetailDto,
  PatientDto,
  PatientSearchQueryDto,
  PatientSearchResultDto,
  UpdatePatientDto,
} from './dto/patient.dto.js';
import { caseView, patientDetailView, patientView } from './patient.views.js';
import { PatientsService } from './patients.service.js';

@ApiTags('patients')
@Controller()
export class PatientsController {
  constructor(
    private readonly patients: PatientsService,
    private readonly cases: CasesService,
    private readonly photos: PhotosService,
  ) {}

  /** Registers a patient; a patient under 18 needs a guardian. */
  @RequirePermission('patients.write')
  @Post('patients')
  @ApiCreatedResponse({ type: PatientDto })
  async create(@Body() body: CreatePatientDto, @CurrentCaller() caller: Caller): Promise<PatientDto> {
    const patient = await this.patients.create(body, caller);
    return patientView(patient, this.patients.isMinor(patient));
  }

  /** Finds patients by part of the name, code, record number or birth date; each one shown is audited. */
  @RequirePermission('patients.read')
  @Get('patients')
  @ApiOkResponse({ type: PatientSearchResultDto })
  async search(
    @Query() query: PatientSearchQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PatientSearchResultDto> {
    const limit = query.limit ?? 20;
    const offset = query.offset ?? 0;
    const found = await this.patients.search({ q: query.q, dateOfBirth: query.dateOfBirth, limit, offset }, caller);
    return { items: found.map((patient) => patientView(patient, this.patients.isMinor(patient))), limit, offset };
  }

  /** The patient with their cases; audited as a read of identified data. */
  @RequirePermission('patients.read')
  @Get('patients/:id')
  @ApiOkResponse({ type: PatientDetailDto })
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<PatientDetailDto> {
    const patient = await this.patients.read(id, caller);
    return patientDetailView(patient, this.patients.isMinor(patient), await this.patients.caseSummaries(id));
  }

  @RequirePermission('patients.write')
  @Patch('patients/:id')
  @ApiOkResponse({ type: PatientDto })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdatePatientDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PatientDto> {
    const patient = await this.patients.update(id, body, caller);
    return patientView(patient, this.patients.isMinor(patient));
  }

  /** Opens a treatment case (procedure, provider, date) for the patient. */
  @RequirePermission('patients.write')
  @Post('patients/:id/cases')
  @ApiCreatedResponse({ type: CaseDto })
  async createCase(
    @Param('id', ParseUUIDPipe) patientId: string,
    @Body() body: CreateCaseDto,
    @CurrentCaller() caller: Caller,
  ): Promise<CaseDto> {
    return caseView(await this.cases.create(patientId, body, caller), []);
  }

  /** The case and its photos; shows the patient's code only. */
  @RequirePermission('photos.read')
  @Get('cases/:id')
  @ApiOkResponse({ type: CaseDto })
  async getCase(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<CaseDto> {
    const found = await this.cases.get(id, caller);
    return caseView(found, (await this.photos.listForCase(id)).map(photoSummaryView));
  }
}
