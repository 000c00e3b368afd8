import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../auth/user.entity.js';
import { checkIn } from '../database/check-in.js';
import { FormTemplateEntity } from '../forms/form-template.entity.js';
import type { FormLanguage } from '../forms/form-template.entity.js';
import { PatientEntity } from '../patients/patient.entity.js';
import { ReleaseEntity } from '../releases/release.entity.js';
import type { ReleaseFormPreviewDto } from '../releases/dto/release-form.dto.js';

/**
 * `desk`: signed on the clinic's tablet, the front desk witnessing. `mail`: a one-time link mailed to
 * the signer's address on file, opened with the patient's date of birth, signed on their own device.
 */
export const SIGNING_DELIVERIES = ['desk', 'mail'] as const;
export type SigningDelivery = (typeof SIGNING_DELIVERIES)[number];

/** A request past its `expires_at` while still `pending` is expired; nothing more is written for that. */
export const SIGNING_REQUEST_STATUSES = ['pending', 'signed', 'cancelled'] as const;
export type SigningRequestStatus = (typeof SIGNING_REQUEST_STATUSES)[number];

/** The terms the front desk filled in: the form is rendered from them, and the release recorded with them. */
export type SigningTerms = Omit<ReleaseFormPreviewDto, 'templateId' | 'language'>;

/**
 * A release form waiting for the patient's signature: the terms the front desk filled in, the
 * template version and language it is worded in. Signing it records the release with exactly these
 * terms and the sealed PDF of the form as its document; it can be signed once.
 */
@Entity('signing_requests')
@Check('signing_requests_delivery_check', checkIn('delivery', SIGNING_DELIVERIES))
@Check('signing_requests_status_check', checkIn('status', SIGNING_REQUEST_STATUSES))
@Check('signing_requests_signed_recorded', `(status = 'signed') = (release_id IS NOT NULL AND signed_at IS NOT NULL)`)
@Check('signing_requests_cancel_recorded', `(status = 'cancelled') = (cancelled_at IS NOT NULL)`)
@Check('signing_requests_mail_has_link', `(delivery = 'mail') = (link_hash IS NOT NULL)`)
@Check('signing_requests_amendment_has_reason', '(amends_release_id IS NULL) = (amendment_reason IS NULL)')
@Check('signing_requests_proof_complete', '(proof_hash IS NULL) = (proof_expires_at IS NULL)')
@Index('signing_requests_pending_idx', ['expiresAt'], { where: `status = 'pending'` })
export class SigningRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('signing_requests_patient_id_idx')
  @Column({ name: 'patient_id', type: 'uuid' })
  patientId!: string;

  @ManyToOne(() => PatientEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'patient_id' })
  patient?: PatientEntity;

  @Column({ type: 'text' })
  delivery!: SigningDelivery;

  @Column({ name: 'template_id', type: 'uuid' })
  templateId!: string;

  @ManyToOne(() => FormTemplateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'template_id' })
  template?: FormTemplateEntity;

  @Column({ type: 'text' })
  language!: FormLanguage;

  @Column({ type: 'jsonb' })
  terms!: SigningTerms;

  /** SHA-256 of the form as rendered when the request was made. */
  @Column({ name: 'form_sha256', type: 'text' })
  formSha256!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: SigningRequestStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'created_by_user_id', type: 'uuid' })
  createdByUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_user_id' })
  createdBy?: UserEntity;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'signed_at', type: 'timestamptz', nullable: true })
  signedAt!: Date | null;

  /** The release the signature recorded. */
  @Index('signing_requests_release_id_unique', { unique: true })
  @Column({ name: 'release_id', type: 'uuid', nullable: true })
  releaseId!: string | null;

  @ManyToOne(() => ReleaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'release_id' })
  release?: ReleaseEntity;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  /** The release version this form amends when signed; null for a new release. */
  @Column({ name: 'amends_release_id', type: 'uuid', nullable: true })
  amendsReleaseId!: string | null;

  @ManyToOne(() => ReleaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'amends_release_id' })
  amendsRelease?: ReleaseEntity;

  @Column({ name: 'amendment_reason', type: 'text', nullable: true })
  amendmentReason!: string | null;

  /** SHA-256 of the mailed link's token; only for `mail`. */
  @Index('signing_requests_link_hash_unique', { unique: true })
  @Column({ name: 'link_hash', type: 'bytea', nullable: true })
  linkHash!: Buffer | null;

  /**
   * SHA-256 of the proof given to whoever opened the link and gave the patient's date of birth: the
   * signature must carry it, so a forwarded link alone cannot sign. Short-lived.
   */
  @Column({ name: 'proof_hash', type: 'bytea', nullable: true })
  proofHash!: Buffer | null;

  @Column({ name: 'proof_expires_at', type: 'timestamptz', nullable: true })
  proofExpiresAt!: Date | null;

  /** Wrong dates of birth given for the link, ever: past a limit the link is withdrawn. */
  @Column({ name: 'failed_identity_checks', type: 'integer', default: 0 })
  failedIdentityChecks!: number;
}
