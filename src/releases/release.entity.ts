import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { UserEntity } from '../auth/user.entity.js';
import { GUARDIAN_RELATIONSHIPS, type GuardianRelationship } from '../rights/guardian.js';
import { PatientEntity } from '../patients/patient.entity.js';
import { TreatmentCaseEntity } from '../patients/treatment-case.entity.js';
import { RevocationEntity } from '../revocations/revocation.entity.js';
import { checkIn } from '../database/check-in.js';

export const SIGNER_TYPES = ['patient', 'guardian'] as const;
export type SignerType = (typeof SIGNER_TYPES)[number];

/**
 * One version of a signed photo-release authorization. Versions of one authorization share
 * `seriesId`; an amendment adds a version and marks the one before superseded. Nothing here is
 * edited in place or deleted: the rows are the clinic's evidence.
 */
@Entity('releases')
@Unique('releases_series_version_unique', ['seriesId', 'version'])
@Index('releases_one_current_version_per_series', ['seriesId'], { unique: true, where: 'superseded_at IS NULL' })
@Check('releases_signer_type_check', checkIn('signer_type', SIGNER_TYPES))
@Check('releases_signer_relationship_check', checkIn('signer_relationship', GUARDIAN_RELATIONSHIPS))
@Check('releases_guardian_signature_complete', `signer_type = 'patient' OR signer_relationship IS NOT NULL`)
@Check('releases_expiry_after_signing', 'expires_at IS NULL OR expires_at > signed_at')
@Check('releases_version_positive', 'version >= 1')
@Check('releases_revocation_recorded', '(revoked_at IS NULL) = (revocation_id IS NULL)')
export class ReleaseEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** The id of the first version; every version of the authorization carries it. */
  @Column({ name: 'series_id', type: 'uuid' })
  seriesId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Index('releases_patient_id_idx')
  @Column({ name: 'patient_id', type: 'uuid' })
  patientId!: string;

  @ManyToOne(() => PatientEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'patient_id' })
  patient?: PatientEntity;

  /** Covers every case of the patient, present and future; otherwise the cases in release_cases. */
  @Column({ name: 'covers_all_cases', type: 'boolean' })
  coversAllCases!: boolean;

  @Column({ name: 'signed_at', type: 'timestamptz' })
  signedAt!: Date;

  @Column({ name: 'signer_type', type: 'text' })
  signerType!: SignerType;

  @Column({ name: 'signer_full_name', type: 'text' })
  signerFullName!: string;

  @Column({ name: 'signer_relationship', type: 'text', nullable: true })
  signerRelationship!: GuardianRelationship | null;

  /** What gives a guardian the authority to sign, e.g. "parent of a minor", "court order 2024-117". */
  @Column({ name: 'signer_authority', type: 'text', nullable: true })
  signerAuthority!: string | null;

  @Column({ name: 'witness_user_id', type: 'uuid' })
  witnessUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'witness_user_id' })
  witness?: UserEntity;

  @Column({ name: 'form_template', type: 'text' })
  formTemplate!: string;

  @Column({ name: 'form_version', type: 'text' })
  formVersion!: string;

  @Column({ name: 'document_key', type: 'text' })
  documentKey!: string;

  @Column({ name: 'document_content_type', type: 'text' })
  documentContentType!: string;

  @Column({ name: 'document_bytes', type: 'integer' })
  documentBytes!: number;

  @Column({ name: 'document_sha256', type: 'text' })
  documentSha256!: string;

  /** FHIR's Attachment.hash is SHA-1, so it is kept beside the SHA-256 the service relies on. */
  @Column({ name: 'document_sha1', type: 'text' })
  documentSha1!: string;

  @Column({ name: 'document_file_name', type: 'text', nullable: true })
  documentFileName!: string | null;

  // The core elements and required statements of 45 CFR 164.508(c), as the signed form states them.
  // Missing ones are recorded as such and reported by the checklist, not refused: the row says what
  // the patient actually signed.

  @Column({ name: 'information_description', type: 'text', nullable: true })
  informationDescription!: string | null;

  @Column({ name: 'disclosing_party', type: 'text', nullable: true })
  disclosingParty!: string | null;

  @Column({ type: 'text', nullable: true })
  recipients!: string | null;

  @Column({ type: 'text', nullable: true })
  purpose!: string | null;

  @Index('releases_expires_at_idx', { where: 'expires_at IS NOT NULL AND superseded_at IS NULL' })
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ name: 'expiration_event', type: 'text', nullable: true })
  expirationEvent!: string | null;

  @Column({ name: 'right_to_revoke_statement', type: 'boolean' })
  rightToRevokeStatement!: boolean;

  @Column({ name: 'redisclosure_statement', type: 'boolean' })
  redisclosureStatement!: boolean;

  @Column({ name: 'conditioning_statement', type: 'boolean' })
  conditioningStatement!: boolean;

  @Column({ name: 'treatment_conditioned_on_signing', type: 'boolean' })
  treatmentConditionedOnSigning!: boolean;

  @Column({ name: 'copy_provided_to_signer', type: 'boolean' })
  copyProvidedToSigner!: boolean;

  // Scope (docs/architecture.md §2).

  @Column({ type: 'text', array: true })
  channels!: string[];

  @Column({ name: 'denied_channels', type: 'text', array: true, default: () => "'{}'" })
  deniedChannels!: string[];

  @Column({ name: 'face_allowed', type: 'boolean' })
  faceAllowed!: boolean;

  @Column({ name: 'obscure_identifying_marks', type: 'boolean' })
  obscureIdentifyingMarks!: boolean;

  @Column({ name: 'name_allowed', type: 'boolean', default: false })
  nameAllowed!: boolean;

  @Column({ name: 'paid_advertising_allowed', type: 'boolean' })
  paidAdvertisingAllowed!: boolean;

  @Column({ name: 'educational_use_allowed', type: 'boolean' })
  educationalUseAllowed!: boolean;

  /** Why this version replaced the one before; null on the first version. */
  @Column({ name: 'amendment_reason', type: 'text', nullable: true })
  amendmentReason!: string | null;

  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true })
  supersedesId!: string | null;

  @ManyToOne(() => ReleaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supersedes_id' })
  supersedes?: ReleaseEntity;

  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt!: Date | null;

  /** When the patient revoked this version outright: the revocation's receipt, its legal effective time. */
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'revocation_id', type: 'uuid', nullable: true })
  revocationId!: string | null;

  @ManyToOne(() => RevocationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'revocation_id' })
  revocation?: RevocationEntity;

  @Column({ name: 'recorded_by_user_id', type: 'uuid', nullable: true })
  recordedByUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by_user_id' })
  recordedBy?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** The cases a release version covers, when it does not cover all of the patient's cases. */
@Entity('release_cases')
export class ReleaseCaseEntity {
  @PrimaryColumn({ name: 'release_id', type: 'uuid' })
  releaseId!: string;

  @ManyToOne(() => ReleaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'release_id' })
  release?: ReleaseEntity;

  @Index('release_cases_case_id_idx')
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => TreatmentCaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  treatmentCase?: TreatmentCaseEntity;
}
