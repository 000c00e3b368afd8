import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { maySeeIdentified, type Caller } from '../common/caller.js';
import type { CreateCaseDto } from './dto/patient.dto.js';
import { findCase } from './patients.service.js';
import { PatientEntity } from './patient.entity.js';
import { TreatmentCaseEntity } from './treatment-case.entity.js';
import { NotFoundError } from '../common/domain-error.js';

export interface CaseWithPatientCode {
  treatmentCase: TreatmentCaseEntity;
  patientCode: string;
}

/** Treatment episodes of a patient; photos and releases refer to them. */
@Injectable()
export class TreatmentCasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(patientId: string, input: CreateCaseDto, caller: Caller): Promise<CaseWithPatientCode> {
    return this.dataSource.transaction(async (manager) => {
      // The patient row is locked so a case cannot be added to a patient being changed at that moment.
      const patient = await manager.findOne(PatientEntity, {
        where: { id: patientId },
        select: { id: true, code: true },
        lock: { mode: 'pessimistic_read' },
      });
      if (!patient) throw new NotFoundError('The patient');
      const treatmentCase = manager.create(TreatmentCaseEntity, {
        patientId,
        procedure: input.procedure.trim(),
        provider: input.provider.trim(),
        treatmentDate: input.treatmentDate,
        notes: input.notes?.trim() || null,
      });
      await manager.save(treatmentCase);
      await this.audit.record(
        caller,
        { action: 'case.create', entityType: 'case', entityId: treatmentCase.id, patientId },
        manager,
      );
      return { treatmentCase, patientCode: patient.code };
    });
  }

  /** The case; a caller who sees its notes (identified free text) has that read audited. */
  async get(id: string, caller: Caller): Promise<CaseWithPatientCode> {
    const treatmentCase = await findCase(this.dataSource.manager, id);
    const patient = await this.dataSource.manager.findOne(PatientEntity, {
      where: { id: treatmentCase.patientId },
      select: { id: true, code: true },
    });
    if (treatmentCase.notes && maySeeIdentified(caller)) {
      await this.audit.record(caller, {
        action: 'case.read',
        entityType: 'case',
        entityId: id,
        patientId: treatmentCase.patientId,
        details: { fields: ['notes'] },
      });
    }
    return { treatmentCase, patientCode: patient?.code ?? '' };
  }
}
