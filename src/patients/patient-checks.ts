import type { EntityManager } from 'typeorm';
import { DomainError, NotFoundError } from '../common/domain-error.js';
import { PatientEntity } from './patient.entity.js';

/** 404 unless the patient exists. */
export async function assertPatientExists(manager: EntityManager, patientId: string): Promise<void> {
  if (!(await manager.exists(PatientEntity, { where: { id: patientId } }))) throw new NotFoundError('The patient');
}

/** Every listed photo must be the patient's: 404 naming those that are not. */
export async function assertPatientPhotos(
  manager: EntityManager,
  patientId: string,
  photoIds: string[],
): Promise<void> {
  const rows = await manager.query<{ id: string }[]>(
    'SELECT id FROM photos WHERE patient_id = $1 AND id = ANY($2::uuid[])',
    [patientId, photoIds],
  );
  const found = new Set(rows.map((row) => row.id));
  const missing = photoIds.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new DomainError('photos_not_found', 404, `${missing.length} of the photos named are not this patient's.`, {
      photoIds: missing,
    });
  }
}
