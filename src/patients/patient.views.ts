import { GuardianDto, PatientDetailDto, PatientDto } from './dto/patient.dto.js';
import type { PatientEntity } from './patient.entity.js';
import { guardianOf, type CaseSummary } from './patients.service.js';

function patientFields(patient: PatientEntity, minor: boolean) {
  const guardian = guardianOf(patient);
  return {
    id: patient.id,
    code: patient.code,
    fullName: patient.fullName,
    dateOfBirth: patient.dateOfBirth,
    contactEmail: patient.contactEmail,
    contactPhone: patient.contactPhone,
    postalAddress: patient.postalAddress,
    mrn: patient.mrn,
    guardian: guardian ? Object.assign(new GuardianDto(), guardian) : null,
    minor,
    createdAt: patient.createdAt,
    updatedAt: patient.updatedAt,
  };
}

export function patientView(patient: PatientEntity, minor: boolean): PatientDto {
  return Object.assign(new PatientDto(), patientFields(patient, minor));
}

export function patientDetailView(patient: PatientEntity, minor: boolean, cases: CaseSummary[]): PatientDetailDto {
  return Object.assign(new PatientDetailDto(), { ...patientFields(patient, minor), cases });
}
