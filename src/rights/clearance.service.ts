import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type AuditEntry } from '../audit/audit.service.js';
import type { Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { DomainError, NotFoundError } from '../common/domain-error.js';
import { rememberRecent } from '../common/recent-map.js';
import { AppConfig } from '../config/app-config.js';
import { driverPool } from '../database/driver-pool.js';
import { authorizationDefects, type ChecklistFields, type SigningContext } from './release-checklist.js';
import {
  clearanceRevocationOf,
  decideClearance,
  presentOf,
  type ClearanceDecision,
  type ClearanceFacts,
  type ClearanceRelease,
  type IntendedUse,
  type ReleaseScope,
  type RevocationRecordFields,
} from './clearance.js';
import { ClearanceChanges } from './clearance-changes.js';
import type { IntendedUseDto } from './dto/clearance.dto.js';

/** The facts about one photo that clearance needs, and what the answer and its audit event name. */
export interface PhotoClearanceFacts extends ClearanceFacts {
  patientId: string;
  faceVisible: boolean;
}

export interface CheckedUse {
  photoId: string;
  use: IntendedUse;
  decision: ClearanceDecision;
  checkedAt: Date;
}

/** A release as FACTS_SQL returns it: JSON, so its instants are strings. */
type ReleaseRow = Omit<ChecklistFields, 'signedAt' | 'expiresAt'> &
  Pick<ClearanceRelease, 'seriesId' | 'coversAllCases' | 'caseIds'> &
  ReleaseScope & { signedAt: string; expiresAt: string | null; supersededAt: string | null };

interface PhotoRow {
  id: string;
  case_id: string;
  patient_id: string;
  /** The patient's, `YYYY-MM-DD`: who could sign a release is judged on it. */
  date_of_birth: string;
  face_visible: boolean;
  identifying_marks: string[];
  releases: ReleaseRow[];
  holds: { id: string; reason: string; placedAt: string; liftedAt: string | null }[];
  revocations: RevocationRow[];
}

/** A revocation as FACTS_SQL returns it: JSON, so its instant is a string. */
type RevocationRow = Omit<RevocationRecordFields, 'receivedAt'> & { receivedAt: string };

// One round trip per check or batch, a named statement (planning took 0.25-0.5 ms, running it 0.1 ms):
// each photo with its patient's date of birth (a release's signer is judged on it) and every version
// of every release of its patient that covers its case (the rule picks the governing one), as JSON
// with the entity's field names.
const FACTS_SQL = `
SELECT p.id, p.case_id, p.patient_id, p.face_visible, p.identifying_marks,
  (SELECT to_char(pa.date_of_birth, 'YYYY-MM-DD') FROM patients pa WHERE pa.id = p.patient_id) AS date_of_birth,
  COALESCE((
    SELECT json_agg(json_build_object(
      'id', r.id, 'seriesId', r.series_id, 'version', r.version, 'signedAt', r.signed_at, 'expiresAt', r.expires_at,
      'supersededAt', r.superseded_at, 'coversAllCases', r.covers_all_cases,
      'caseIds', ARRAY(SELECT rc.case_id FROM release_cases rc WHERE rc.release_id = r.id),
      'channels', r.channels, 'deniedChannels', r.denied_channels, 'faceAllowed', r.face_allowed,
      'obscureIdentifyingMarks', r.obscure_identifying_marks, 'nameAllowed', r.name_allowed,
      'paidAdvertisingAllowed', r.paid_advertising_allowed, 'educationalUseAllowed', r.educational_use_allowed,
      'informationDescription', r.information_description, 'disclosingParty', r.disclosing_party,
      'recipients', r.recipients, 'purpose', r.purpose, 'expirationEvent', r.expiration_event,
      'signerType', r.signer_type, 'signerFullName', r.signer_full_name,
      'signerRelationship', r.signer_relationship, 'signerAuthority', r.signer_authority,
      'rightToRevokeStatement', r.right_to_revoke_statement, 'conditioningStatement', r.conditioning_statement,
      'treatmentConditionedOnSigning', r.treatment_conditioned_on_signing,
      'redisclosureStatement', r.redisclosure_statement, 'copyProvidedToSigner', r.copy_provided_to_signer))
    FROM releases r
    WHERE r.patient_id = p.patient_id
      AND (r.covers_all_cases OR EXISTS (
        SELECT 1 FROM release_cases rc WHERE rc.release_id = r.id AND rc.case_id = p.case_id))
  ), '[]'::json) AS releases,
  COALESCE((
    SELECT json_agg(json_build_object('id', h.id, 'placedAt', h.placed_at, 'liftedAt', h.lifted_at))
    FROM holds h
    WHERE h.patient_id = p.patient_id AND (h.photo_ids IS NULL OR p.id = ANY(h.photo_ids))
  ), '[]'::json) AS holds,
  COALESCE((
    SELECT json_agg(json_build_object('id', v.id, 'receivedAt', v.received_at, 'kind', v.scope_kind,
      'channels', v.channels, 'photoIds', v.photo_ids, 'releaseSeriesIds', v.release_series_ids))
    FROM revocations v
    WHERE v.patient_id = p.patient_id AND (v.scope_kind <> 'photos' OR p.id = ANY(v.photo_ids))
  ), '[]'::json) AS revocations
FROM photos p
WHERE p.id = ANY($1::uuid[])`;

/** Photos whose facts are kept in memory between checks: most recently read first to stay. */
const MAX_KEPT_FACTS = 10_000;

interface KeptFacts {
  facts: PhotoClearanceFacts;
  /** ClearanceChanges.version of the photo's patient when the facts were read. */
  version: string;
}

/**
 * Decides clearance for photos (docs/architecture.md §2) and records each check in the audit trail: who asked
 * about which use, when, and the answer. That record is marketing's evidence that it checked.
 *
 * Checks decide on facts kept in memory while no change has been heard for the photo's patient
 * (ClearanceChanges), since reading them was most of a check's cost in PostgreSQL. Only the facts
 * are kept: every check still decides at its own moment, so expiry and revocations received in the
 * past are applied as of then. Deciding inside a transaction (publishing, under the release's lock)
 * always reads the database.
 */
@Injectable()
export class ClearanceService {
  private readonly keptFacts = new Map<string, KeptFacts>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly changes: ClearanceChanges,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** The facts of each photo found, read now, by id; ids of photos that do not exist are absent. */
  async loadFacts(photoIds: readonly string[], manager?: EntityManager): Promise<Map<string, PhotoClearanceFacts>> {
    const parameters = [[...new Set(photoIds)]];
    const rows = manager?.queryRunner
      ? await manager.query<PhotoRow[]>(FACTS_SQL, parameters)
      : await this.readFacts(parameters[0]);
    return new Map(rows.map((row) => [row.id, factsOf(row, this.config.clinicTimeZone)]));
  }

  /**
   * As loadFacts, but from memory for photos whose patient has had no change heard since their
   * facts were read; the others are read, and kept if no change was heard while reading.
   */
  async currentFacts(photoIds: readonly string[]): Promise<Map<string, PhotoClearanceFacts>> {
    const found = new Map<string, PhotoClearanceFacts>();
    const toRead: string[] = [];
    for (const photoId of new Set(photoIds)) {
      const kept = this.keptFacts.get(photoId);
      if (kept && this.changes.isCurrent(kept.facts.patientId, kept.version)) {
        found.set(photoId, kept.facts);
      } else {
        toRead.push(photoId);
      }
    }
    if (toRead.length === 0) return found;
    const changesBefore = this.changes.changeCount;
    const rows = await this.readFacts(toRead);
    for (const row of rows) {
      const facts = factsOf(row, this.config.clinicTimeZone);
      found.set(row.id, facts);
      const version = this.changes.versionToKeep(facts.patientId, changesBefore);
      if (version) rememberRecent(this.keptFacts, row.id, { facts, version }, MAX_KEPT_FACTS);
    }
    return found;
  }

  private async readFacts(photoIds: string[]): Promise<PhotoRow[]> {
    const result = await driverPool(this.dataSource).query<PhotoRow>({
      name: 'clearance_facts',
      text: FACTS_SQL,
      values: [photoIds],
    });
    return result.rows;
  }

  /** One check, audited. 404 when the photo does not exist. */
  async check(photoId: string, use: IntendedUseDto, caller: Caller): Promise<CheckedUse> {
    const [checked] = await this.checkAll([{ photoId, ...use }], caller);
    return checked;
  }

  /**
   * Several checks in one round trip and one audit statement. An unknown photo fails the whole
   * batch (404 naming it) and nothing is recorded, rather than answering part of what was asked.
   */
  async checkAll(checks: (IntendedUseDto & { photoId: string })[], caller: Caller): Promise<CheckedUse[]> {
    const { results, auditEntries } = await this.decideAll(checks);
    await this.audit.recordEach(caller, auditEntries);
    return results;
  }

  /**
   * The decisions of checkAll and the audit entries that record them, for a caller that records
   * them together with its own entry in one statement.
   */
  async decideAll(
    checks: (IntendedUseDto & { photoId: string })[],
  ): Promise<{ results: CheckedUse[]; auditEntries: AuditEntry[] }> {
    const facts = await this.currentFacts(checks.map((check) => check.photoId));
    const missing = [...new Set(checks.map((check) => check.photoId).filter((id) => !facts.has(id)))];
    if (missing.length === 1 && checks.length === 1) throw new NotFoundError('The photo');
    if (missing.length > 0) {
      throw new DomainError('photos_not_found', 404, `${missing.length} of the photos asked about do not exist.`, {
        photoIds: missing,
      });
    }
    const checkedAt = this.clock.now();
    const results = checks.map((check) => {
      const photoFacts = facts.get(check.photoId) as PhotoClearanceFacts;
      // Asked about now, the answer is the one a publication recorded now would get.
      const use = intendedUse(check, photoFacts, presentOf(photoFacts, checkedAt));
      return { photoId: check.photoId, use, decision: decideClearance(photoFacts, use), checkedAt };
    });
    const auditEntries = results.map((result) => auditEntry(result, facts.get(result.photoId) as PhotoClearanceFacts));
    return { results, auditEntries };
  }

  /**
   * Whether each photo found is cleared for `channel` now, used as it is (the defaults of a check):
   * decided on the facts kept in memory like any check, but not audited, as it only narrows what a
   * list shows; the check made before a use, and publishing, decide again and are recorded.
   */
  async decideUnaudited(photoIds: readonly string[], channel: string): Promise<Map<string, ClearanceDecision>> {
    const facts = await this.currentFacts(photoIds);
    const now = this.clock.now();
    const decisions = new Map<string, ClearanceDecision>();
    for (const [photoId, photoFacts] of facts) {
      const use = intendedUse({ channel }, photoFacts, presentOf(photoFacts, now));
      decisions.set(photoId, decideClearance(photoFacts, use));
    }
    return decisions;
  }
}

/** The use with its defaults: the face counts as shown when the photo shows it, unless told otherwise. */
export function intendedUse(dto: IntendedUseDto, facts: PhotoClearanceFacts, now: Date): IntendedUse {
  return {
    channel: dto.channel,
    at: dto.at ? new Date(dto.at) : now,
    faceShown: dto.faceShown ?? facts.faceVisible,
    marksObscured: dto.marksObscured ?? false,
    nameShown: dto.nameShown ?? false,
    paid: dto.paid ?? false,
  };
}

function auditEntry({ photoId, use, decision }: CheckedUse, facts: PhotoClearanceFacts): AuditEntry {
  return {
    action: 'clearance.check',
    entityType: 'photo',
    entityId: photoId,
    patientId: facts.patientId,
    details: {
      use: { ...use, at: use.at.toISOString() },
      allowed: decision.allowed,
      reasons: decision.reasons.map((reason) => reason.code),
      releaseId: decision.releaseId,
      releaseVersion: decision.releaseVersion,
    },
  };
}

function factsOf(row: PhotoRow, timeZone: string): PhotoClearanceFacts {
  return {
    timeZone,
    patientId: row.patient_id,
    faceVisible: row.face_visible,
    photo: { id: row.id, caseId: row.case_id, identifyingMarks: row.identifying_marks },
    releases: row.releases.map((release) => releaseOf(release, { patientDateOfBirth: row.date_of_birth, timeZone })),
    revocations: row.revocations.map((revocation) =>
      clearanceRevocationOf({ ...revocation, receivedAt: new Date(revocation.receivedAt) }),
    ),
    holds: row.holds.map((hold) => ({
      id: hold.id,
      placedAt: new Date(hold.placedAt),
      liftedAt: hold.liftedAt === null ? null : new Date(hold.liftedAt),
    })),
  };
}

function releaseOf(row: ReleaseRow, signing: SigningContext): ClearanceRelease {
  const signedAt = new Date(row.signedAt);
  const expiresAt = row.expiresAt === null ? null : new Date(row.expiresAt);
  return {
    id: row.id,
    seriesId: row.seriesId,
    version: row.version,
    signedAt,
    expiresAt,
    supersededAt: row.supersededAt === null ? null : new Date(row.supersededAt),
    coversAllCases: row.coversAllCases,
    caseIds: row.caseIds,
    defects: authorizationDefects({ ...row, signedAt, expiresAt }, signing),
    scope: {
      channels: row.channels,
      deniedChannels: row.deniedChannels,
      faceAllowed: row.faceAllowed,
      obscureIdentifyingMarks: row.obscureIdentifyingMarks,
      nameAllowed: row.nameAllowed,
      paidAdvertisingAllowed: row.paidAdvertisingAllowed,
      educationalUseAllowed: row.educationalUseAllowed,
    },
  };
}
