import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '../common/caller.js';
import { RequirePermission } from '../common/access.decorator.js';
import { ApiProblems } from '../common/api-docs.js';
import {
  CreatePatientDto,
  PatientDetailDto,
  PatientDto,
  PatientSearchQueryDto,
  PatientSearchResultDto,
  UpdatePatientDto,
} from './dto/patient.dto.js';
import { patientDetailView, patientView } from './patient.views.js';
import { PatientsService } from './patients.service.js';

const PATIENT_ID = { name: 'id', format: 'uuid', description: 'The patient’s id.' } as const;

@ApiTags('patients')
@Controller()
export class PatientsController {
  constructor(private readonly patients: PatientsService) {}

  @RequirePermission('patients.write')
  @Post('patients')
  @ApiOperation({
    summary: 'Register a patient',
    description:
      'Registers a patient and gives them a pseudonymous code (P-7KQ2M) used wherever identity is not needed. ' +
      'A patient under 18 on the clinic’s calendar needs a guardian with an email address or a phone number; the ' +
      'date of birth must not be in the future. A medical record number, when given, must be unique. Answers the ' +
      'patient as recorded.',
  })
  @ApiBody({
    type: CreatePatientDto,
    examples: {
      adult: {
        summary: 'An adult patient',
        value: {
          fullName: 'Jane Roe',
          dateOfBirth: '1990-04-01',
          contactEmail: 'jane.roe@example.com',
          contactPhone: '+1 555 010 2233',
          postalAddress: '12 Example Street, Springfield',
          mrn: 'MRN-104233',
        },
      },
      minor: {
        summary: 'A minor, with a guardian',
        value: {
          fullName: 'Sam Roe',
          dateOfBirth: '2012-09-14',
          mrn: 'MRN-104234',
          guardian: {
            fullName: 'John Roe',
            relationship: 'parent',
            contactEmail: 'john.roe@example.com',
            contactPhone: '+1 555 010 4477',
          },
        },
      },
    },
  })
  @ApiCreatedResponse({ type: PatientDto, description: 'The patient, with their new code.' })
  @ApiProblems({ 409: ['mrn_taken'] })
  async create(@Body() body: CreatePatientDto, @CurrentCaller() caller: Caller): Promise<PatientDto> {
    const patient = await this.patients.create(body, caller);
    return patientView(patient, this.patients.isMinor(patient));
  }

  @RequirePermission('patients.read')
  @Get('patients')
  @ApiOperation({
    summary: 'Find patients',
    description:
      'Finds patients by part of the name, a patient code, a medical record number or a birth date (`q`), ' +
      'optionally narrowed by `dateOfBirth`; at least one of the two is needed. Sorted by name. Each patient in ' +
      'the answer is audited as a read of their identified data; the search terms are not recorded.',
  })
  @ApiOkResponse({ type: PatientSearchResultDto, description: 'One page of matching patients.' })
  async search(
    @Query() query: PatientSearchQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PatientSearchResultDto> {
    const limit = query.limit ?? 20;
    const offset = query.offset ?? 0;
    const found = await this.patients.search({ q: query.q, dateOfBirth: query.dateOfBirth, limit, offset }, caller);
    return { items: found.map((patient) => patientView(patient, this.patients.isMinor(patient))), limit, offset };
  }

  @RequirePermission('patients.read')
  @Get('patients/:id')
  @ApiOperation({
    summary: 'Get a patient with their cases',
    description:
      'The patient’s identified data with a summary of each treatment case (newest first, with its photo ' +
      'count). The read is audited.',
  })
  @ApiParam(PATIENT_ID)
  @ApiOkResponse({ type: PatientDetailDto, description: 'The patient and their cases.' })
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<PatientDetailDto> {
    const patient = await this.patients.read(id, caller);
    return patientDetailView(patient, this.patients.isMinor(patient), await this.patients.caseSummaries(id));
  }

  @RequirePermission('patients.write')
  @Patch('patients/:id')
  @ApiOperation({
    summary: 'Correct a patient’s details',
    description:
      'Changes the fields sent and leaves the others (`null` clears an optional one); it takes no version or ' +
      '`If-Match`, and a field resent unchanged changes nothing. A corrected date of birth is a consent change: ' +
      'publications its releases no longer clear (a release now known to be signed by a minor alone) are taken ' +
      'down through a removal case, and 409 `patient_changed` answers when another edit corrected it at the same ' +
      'moment. A changed email address (the patient’s or the guardian’s) or date of birth ends the patient’s ' +
      'open portal links and sessions.',
  })
  @ApiParam(PATIENT_ID)
  @ApiOkResponse({ type: PatientDto, description: 'The patient as it now stands.' })
  @ApiProblems({ 409: ['mrn_taken', 'patient_changed'] })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdatePatientDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PatientDto> {
    const patient = await this.patients.update(id, body, caller);
    return patientView(patient, this.patients.isMinor(patient));
  }
}
