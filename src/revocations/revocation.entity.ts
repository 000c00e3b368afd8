import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../auth/user.entity.js';
import { PatientEntity } from '../patients/patient.entity.js';
import { checkIn } from '../database/check-in.js';

export const REVOCATION_SCOPE_KINDS = ['everything', 'channels', 'photos'] as const;
export type RevocationScopeKind = (typeof REVOCATION_SCOPE_KINDS)[number];
export const RECEIVED_VIA = ['portal', 'email', 'phone', 'in_person', 'mail'] as const;
export type ReceivedVia = (typeof RECEIVED_VIA)[number];
export const REQUESTER_TYPES = ['patient', 'guardian', 'authorized_agent'] as const;
export type RequesterType = (typeof REQUESTER_TYPES)[number];

/**
 * A patient's request to end or narrow their consent: everything, some channels, or some photos.
 * It takes effect from `receivedAt`, the moment the clinic received it (the legal effective time),
 * which may be earlier than when it was recorded. A revocation is evidence: never changed, never
 * deleted.
 */
@Entity('revocations')
@Check('revocations_scope_kind_check', checkIn('scope_kind', REVOCATION_SCOPE_KINDS))
@Check('revocations_received_via_check', checkIn('received_via', RECEIVED_VIA))
@Check('revocations_requester_type_check', checkIn('requester_type', REQUESTER_TYPES))
@Check(
  'revocations_scope_shape',
  `(scope_kind = 'channels') = (channels IS NOT NULL AND cardinality(channels) > 0)
   AND (scope_kind = 'photos') = (photo_ids IS NOT NULL AND cardinality(photo_ids) > 0)
   AND (release_series_ids IS NULL OR (scope_kind <> 'photos' AND cardinality(release_series_ids) > 0))`,
)
@Check('revocations_requester_named', `requester_type = 'patient' OR requester_name IS NOT NULL`)
@Check(
  'revocations_document_complete',
  `(document_key IS NULL) = (document_sha256 IS NULL) AND (document_key IS NULL) = (document_content_type IS NULL)`,
)
@Index('revocations_patient_idx', ['patientId', 'receivedAt'])
export class RevocationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'patient_id', type: 'uuid' })
  patientId!: string;

  @ManyToOne(() => PatientEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'patient_id' })
  patient?: PatientEntity;

  @Column({ name: 'scope_kind', type: 'text' })
  scopeKind!: RevocationScopeKind;

  /** The withdrawn channel prefixes, for a revocation of channels. */
  @Column({ type: 'text', array: true, nullable: true })
  channels!: string[] | null;

  /** The withdrawn photos, for a withdrawal of photos. */
  @Column({ name: 'photo_ids', type: 'uuid', array: true, nullable: true })
  photoIds!: string[] | null;

  /** The authorizations (release series) it ends or narrows; null for every one of the patient's. */
  @Column({ name: 'release_series_ids', type: 'uuid', array: true, nullable: true })
  releaseSeriesIds!: string[] | null;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'received_via', type: 'text' })
  receivedVia!: ReceivedVia;

  @Column({ name: 'requester_type', type: 'text' })
  requesterType!: RequesterType;

  /** Who asked, when it was not the patient: the guardian's or agent's name. */
  @Column({ name: 'requester_name', type: 'text', nullable: true })
  requesterName!: string | null;

  /** The guardian's relationship or the agent's authority (e.g. "power of attorney"). */
  @Column({ name: 'requester_authority', type: 'text', nullable: true })
  requesterAuthority!: string | null;

  /** How the requester's identity was verified, in the words of whoever verified it. */
  @Column({ name: 'identity_verification', type: 'text' })
  identityVerification!: string;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  /** The written request (letter, email, form), when there is one. */
  @Column({ name: 'document_key', type: 'text', nullable: true })
  documentKey!: string | null;

  @Column({ name: 'document_content_type', type: 'text', nullable: true })
  documentContentType!: string | null;

  @Column({ name: 'document_bytes', type: 'integer', nullable: true })
  documentBytes!: number | null;

  @Column({ name: 'document_sha256', type: 'text', nullable: true })
  documentSha256!: string | null;

  @Column({ name: 'document_file_name', type: 'text', nullable: true })
  documentFileName!: string | null;

  /** The staff member who recorded it; null when the patient made it through the portal. */
  @Column({ name: 'recorded_by_user_id', type: 'uuid', nullable: true })
  recordedByUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by_user_id' })
  recordedBy?: UserEntity;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
