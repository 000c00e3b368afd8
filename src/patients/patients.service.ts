import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type AuditEntry } from '../audit/audit.service.js';
import type { Caller } from '../common/caller.js';
import { calendarDay } from '../common/calendar.js';
import { Clock } from '../common/clock.js';
import { DomainError, NotFoundError, ValidationFailedError } from '../common/domain-error.js';
import { isCalendarDate } from '../common/validators.js';
import { AppConfig } from '../config/app-config.js';
import { ConsentChanges, type OpenedRemovalCase } from '../rights/consent-changes.js';
import type { CreatePatientDto, GuardianInputDto, UpdatePatientDto } from './dto/patient.dto.js';
import { ADULT_AGE_YEARS, ageOn } from '../rights/guardian.js';
import { newPatientCode, PATIENT_CODE_PATTERN, searchableName } from './patient-code.js';
import { PatientEntity } from './patient.entity.js';
import { TreatmentCaseEntity } from './treatment-case.entity.js';

/** The addresses a portal sign-in link goes to: changing one ends the links and sessions it opened. */
const PORTAL_ADDRESS_FIELDS: ReadonlySet<string> = new Set(['contactEmail', 'guardianContactEmail', 'dateOfBirth']);

export interface PatientSearch {
  q?: string;
  dateOfBirth?: string;
  limit: number;
  offset: number;
}

export interface CaseSummary {
  id: string;
  procedure: string;
  provider: string;
  treatmentDate: string;
  photoCount: number;
}

const CODE_ATTEMPTS = 8;
const UNIQUE_VIOLATION = '23505';

/**
 * Patients and their identified data. Every read of a patient's identity is audited with the
 * patient's id, so the clinic can account for who saw whose record; no audit event carries the
 * identity itself.
 */
@Injectable()
export class PatientsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly consent: ConsentChanges,
  ) {}

  async create(input: CreatePatientDto, caller: Caller): Promise<PatientEntity> {
    this.assertGuardianRule(input.dateOfBirth, input.guardian ?? null);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.dataSource.transaction(async (manager) => {
          const patient = manager.create(PatientEntity, {
            code: newPatientCode(),
            fullName: input.fullName.trim(),
            searchName: searchableName(input.fullName),
            dateOfBirth: input.dateOfBirth,
            contactEmail: input.contactEmail?.trim() || null,
            contactPhone: input.contactPhone?.trim() || null,
            postalAddress: input.postalAddress?.trim() || null,
            mrn: input.mrn ?? null,
            ...guardianColumns(input.guardian ?? null),
          });
          await manager.save(patient);
          await this.audit.record(
            caller,
            { action: 'patient.create', entityType: 'patient', entityId: patient.id, patientId: patient.id },
            manager,
          );
          return patient;
        });
      } catch (error) {
        const constraint = uniqueViolation(error);
        if (constraint === 'patients_mrn_unique') throw mrnTaken();
        // A code already given to another patient: draw again.
        if (constraint !== undefined && attempt < CODE_ATTEMPTS) continue;
        throw error;
      }
    }
  }

  /** The patient, audited as a read of their identified data. */
  async read(id: string, caller: Caller): Promise<PatientEntity> {
    const patient = await this.find(id);
    await this.audit.record(caller, { action: 'patient.read', entityType: 'patient', entityId: id, patientId: id });
    return patient;
  }

  /** The patient without auditing, for services that show no identified data from it. */
  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<PatientEntity> {
    const patient = await manager.findOneBy(PatientEntity, { id });
    if (!patient) throw new NotFoundError('The patient');
    return patient;
  }

  async caseSummaries(patientId: string): Promise<CaseSummary[]> {
    const rows = await this.dataSource.query<
      { id: string; procedure: string; provider: string; treatment_date: string; photo_count: string }[]
    >(
      `SELECT c.id, c.procedure, c.provider, to_char(c.treatment_date, 'YYYY-MM-DD') AS treatment_date,
              (SELECT count(*) FROM photos p WHERE p.case_id = c.id) AS photo_count
         FROM treatment_cases c
        WHERE c.patient_id = $1
        ORDER BY c.treatment_date DESC, c.created_at DESC`,
      [patientId],
    );
    return rows.map((row) => ({
      id: row.id,
      procedure: row.procedure,
      provider: row.provider,
      treatmentDate: row.treatment_date,
      photoCount: Number(row.photo_count),
    }));
  }

  /**
   * Finds patients by part of the name, code, record number or birth date. Each patient shown is
   * audited as a read; the search terms are not recorded (they are identifying themselves).
   */
  async search(search: PatientSearch, caller: Caller): Promise<PatientEntity[]> {
    const query = this.dataSource.manager.createQueryBuilder(PatientEntity, 'patient');
    const term = search.q?.trim();
    let matchedBy = 'birth_date';
    if (term) {
      // A record number may look like a code or a date (P-12345, 2020-01-01): it is matched too.
      if (PATIENT_CODE_PATTERN.test(term.toUpperCase())) {
        matchedBy = 'code_or_record_number';
        query.andWhere('(patient.code = :code OR patient.mrn = :mrn)', { code: term.toUpperCase(), mrn: term });
      } else if (isCalendarDate(term)) {
        matchedBy = 'birth_date_or_record_number';
        query.andWhere('(patient.dateOfBirth = :termDate OR patient.mrn = :mrn)', { termDate: term, mrn: term });
      } else {
        matchedBy = 'name_or_record_number';
        const pattern = `%${searchableName(term).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        query.andWhere('(patient.searchName LIKE :pattern OR patient.mrn = :mrn)', { pattern, mrn: term });
      }
    }
    if (search.dateOfBirth) query.andWhere('patient.dateOfBirth = :dateOfBirth', { dateOfBirth: search.dateOfBirth });
    if (!term && !search.dateOfBirth) {
      throw new ValidationFailedError([{ field: 'q', messages: ['give a name, code, record number or birth date'] }]);
    }
    const patients = await query
      .orderBy('patient.searchName', 'ASC')
      .addOrderBy('patient.id', 'ASC')
      .limit(search.limit)
      .offset(search.offset)
      .getMany();
    await this.audit.recordEach(caller, [
      { action: 'patient.search', details: { matchedBy, resultCount: patients.length } },
      ...patients.map((patient) => ({
        action: 'patient.read',
        entityType: 'patient',
        entityId: patient.id,
        patientId: patient.id,
        details: { via: 'search' },
      })),
    ]);
    return patients;
  }

  async update(id: string, changes: UpdatePatientDto, caller: Caller): Promise<PatientEntity> {
    try {
      // The date of birth decides who could sign the patient's releases: a correction is a consent
      // change, made one at a time with the others and with publishing. Resent unchanged, as a form
      // sends every field, it waits for none of them.
      const current = await this.dataSource.manager.findOne(PatientEntity, {
        where: { id },
        select: { id: true, dateOfBirth: true },
      });
      if (changes.dateOfBirth === undefined || changes.dateOfBirth === current?.dateOfBirth) {
        return await this.dataSource.transaction(async (manager) => {
          const edit = await this.applyEdit(manager, id, changes, { consentLocked: false });
          await this.audit.recordEach(caller, editAuditEntries(edit, undefined), manager);
          return edit.patient;
        });
      }
      return await this.consent.run(
        id,
        {
          write: (manager) => this.applyEdit(manager, id, changes, { consentLocked: true }),
          // What the rule now refuses for a reason it did not before (a release now known to be
          // signed by a minor alone) comes down as a revocation's would, due from the correction:
          // the clinic learned of it then.
          removalCases: async (edit, refused) =>
            edit.changed.length > 0 && refused.newly.length > 0
              ? [
                  {
                    source: { origin: 'date_of_birth_corrected' },
                    startsAt: this.clock.now(),
                    publications: refused.newly,
                  },
                ]
              : [],
          record: async (edit, [removal]) => ({ result: edit.patient, auditEntries: editAuditEntries(edit, removal) }),
        },
        { caller, compareWithBefore: true },
      );
    } catch (error) {
      if (uniqueViolation(error) === 'patients_mrn_unique') throw mrnTaken();
      throw error;
    }
  }

  /** Applies an edit to the patient's row (and ends the portal access of a changed address). */
  private async applyEdit(
    manager: EntityManager,
    id: string,
    changes: UpdatePatientDto,
    { consentLocked }: { consentLocked: boolean },
  ): Promise<PatientEdit> {
    // Not FOR UPDATE: that would also hold back every insert referring to the patient (a portal
    // sign-in's session, an upload), and a sign-in holding its link while it waits would deadlock
    // with the edit's UPDATE of the links.
    const patient = await manager.findOne(PatientEntity, { where: { id }, lock: { mode: 'for_no_key_update' } });
    if (!patient) throw new NotFoundError('The patient');
    const changed: string[] = [];
    const set = <K extends keyof PatientEntity>(key: K, value: PatientEntity[K]) => {
      if (patient[key] !== value) {
        patient[key] = value;
        changed.push(key);
      }
    };
    if (changes.fullName !== undefined) {
      set('fullName', changes.fullName.trim());
      patient.searchName = searchableName(patient.fullName);
    }
    if (changes.dateOfBirth !== undefined) set('dateOfBirth', changes.dateOfBirth);
    if (changes.contactEmail !== undefined) set('contactEmail', changes.contactEmail?.trim() || null);
    if (changes.contactPhone !== undefined) set('contactPhone', changes.contactPhone?.trim() || null);
    if (changes.postalAddress !== undefined) set('postalAddress', changes.postalAddress?.trim() || null);
    if (changes.mrn !== undefined) set('mrn', changes.mrn ?? null);
    if (changes.guardian !== undefined) {
      const columns = guardianColumns(changes.guardian);
      for (const [key, value] of Object.entries(columns) as [keyof typeof columns, string | null][]) {
        set(key, value as never);
      }
    }
    // A guardian recorded before contacts were required does not block other edits: the contact
    // is asked for when the guardian or the date of birth changes.
    const guardianChanged = changed.some((key) => key === 'dateOfBirth' || key.startsWith('guardian'));
    this.assertGuardianRule(patient.dateOfBirth, guardianOf(patient), { contactRequired: guardianChanged });
    if (changed.length === 0) return { patient, changed };
    if (changed.includes('dateOfBirth') && !consentLocked) {
      // Corrected by another edit between the first read and the row lock: taking the consent
      // locks now, after the row's, could deadlock with that edit.
      throw new DomainError(
        'patient_changed',
        409,
        'The date of birth was changed by someone else while this edit was made; read the patient again and retry.',
      );
    }
    await manager.save(patient);
    if (changed.some((key) => PORTAL_ADDRESS_FIELDS.has(key))) {
      // The portal was reached through the old address: what it opened ends with it.
      await manager.query('UPDATE portal_links SET used_at = $2 WHERE patient_id = $1 AND used_at IS NULL', [
        id,
        this.clock.now(),
      ]);
      await manager.query('UPDATE patient_sessions SET ended_at = $2 WHERE patient_id = $1 AND ended_at IS NULL', [
        id,
        this.clock.now(),
      ]);
    }
    return { patient, changed };
  }

  isMinor(patient: PatientEntity): boolean {
    return ageOn(patient.dateOfBirth, this.today()) < ADULT_AGE_YEARS;
  }

  /** Today where the clinic is. */
  private today(): string {
    return calendarDay(this.clock.now(), this.config.clinicTimeZone);
  }

  private assertGuardianRule(
    dateOfBirth: string,
    guardian: GuardianInputDto | null,
    { contactRequired }: { contactRequired: boolean } = { contactRequired: true },
  ): void {
    const today = this.today();
    if (dateOfBirth > today) {
      throw new ValidationFailedError([{ field: 'dateOfBirth', messages: ['dateOfBirth must not be in the future'] }]);
    }
    if (ageOn(dateOfBirth, today) >= ADULT_AGE_YEARS) return;
    if (!guardian) {
      throw new ValidationFailedError([
        {
          field: 'guardian',
          messages: ['a patient under 18 needs a guardian (name, relationship, and contactEmail or contactPhone)'],
        },
      ]);
    }
    // The guardian is whom the clinic reaches about a minor's photos, and whom the portal's links go to.
    if (contactRequired && !guardian.contactEmail?.trim() && !guardian.contactPhone?.trim()) {
      throw new ValidationFailedError([
        { field: 'guardian', messages: ["a minor's guardian needs a contact: contactEmail or contactPhone"] },
      ]);
    }
  }
}

export async function findCase(manager: EntityManager, id: string): Promise<TreatmentCaseEntity> {
  const found = await manager.findOneBy(TreatmentCaseEntity, { id });
  if (!found) throw new NotFoundError('The case');
  return found;
}

function guardianColumns(guardian: GuardianInputDto | null) {
  return {
    guardianFullName: guardian?.fullName.trim() ?? null,
    guardianRelationship: guardian?.relationship ?? null,
    guardianContactEmail: guardian?.contactEmail?.trim() || null,
    guardianContactPhone: guardian?.contactPhone?.trim() || null,
  };
}

export function guardianOf(patient: PatientEntity): GuardianInputDto | null {
  if (!patient.guardianFullName || !patient.guardianRelationship) return null;
  return {
    fullName: patient.guardianFullName,
    relationship: patient.guardianRelationship,
    contactEmail: patient.guardianContactEmail,
    contactPhone: patient.guardianContactPhone,
  };
}

function uniqueViolation(error: unknown): string | undefined {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
  return driverError?.code === UNIQUE_VIOLATION ? (driverError.constraint ?? '') : undefined;
}

function mrnTaken(): DomainError {
  return new DomainError('mrn_taken', 409, 'Another patient already has this medical record number.');
}

/** An edit of a patient as applied: the row, and which of its fields changed. */
interface PatientEdit {
  patient: PatientEntity;
  changed: string[];
}

function editAuditEntries({ patient, changed }: PatientEdit, removal: OpenedRemovalCase | undefined): AuditEntry[] {
  if (changed.length === 0) {
    // Nothing was written, but the answer still shows the identified fields: that read is audited.
    return [
      {
        action: 'patient.read',
        entityType: 'patient',
        entityId: patient.id,
        patientId: patient.id,
        details: { via: 'update' },
      },
    ];
  }
  return [
    {
      action: 'patient.update',
      entityType: 'patient',
      entityId: patient.id,
      patientId: patient.id,
      // Which fields changed, never their values.
      details: {
        changed: [...new Set(changed.map((key) => (key.startsWith('guardian') ? 'guardian' : key)))],
        ...(removal ? { removalCaseId: removal.caseId } : {}),
      },
    },
  ];
}
