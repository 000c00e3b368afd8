import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { UserEntity } from '../auth/user.entity.js';
import { PatientEntity } from '../patients/patient.entity.js';
import { TreatmentCaseEntity } from '../patients/treatment-case.entity.js';
import { checkIn } from '../database/check-in.js';

export const PHOTO_KINDS = ['before', 'after', 'progress'] as const;
export type PhotoKind = (typeof PHOTO_KINDS)[number];

export const RENDITION_NAMES = ['thumb', 'web', 'original'] as const;
export type RenditionName = (typeof RENDITION_NAMES)[number];

/**
 * A clinical photo of a case. The original (clinical record) and its two renditions (what marketing
 * uses, with every metadata block removed) are stored objects under keys made from the photo's id.
 */
@Entity('photos')
@Check('photos_kind_check', checkIn('kind', PHOTO_KINDS))
@Check('photos_not_paired_with_itself', 'paired_photo_id IS NULL OR paired_photo_id <> id')
// The same file twice for one patient is one photo; the upload names the existing one.
@Unique('photos_patient_original_sha256_unique', ['patientId', 'originalSha256'])
export class PhotoEntity {
  /** Made by the service before the objects are stored, so their keys can carry it. */
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index('photos_case_id_idx')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => TreatmentCaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  treatmentCase?: TreatmentCaseEntity;

  /** The case's patient, kept here so the duplicate rule is one unique constraint. */
  @Column({ name: 'patient_id', type: 'uuid' })
  patientId!: string;

  @ManyToOne(() => PatientEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'patient_id' })
  patient?: PatientEntity;

  @Column({ type: 'text' })
  kind!: PhotoKind;

  /** View or angle, e.g. "front", "left oblique". */
  @Column({ type: 'text', nullable: true })
  view!: string | null;

  @Column({ name: 'body_area', type: 'text', nullable: true })
  bodyArea!: string | null;

  @Column({ name: 'taken_at', type: 'timestamptz', nullable: true })
  takenAt!: Date | null;

  @Column({ name: 'face_visible', type: 'boolean' })
  faceVisible!: boolean;

  /** Marks that could identify the patient, e.g. "tattoo, left forearm"; empty when none. */
  @Column({ name: 'identifying_marks', type: 'text', array: true, default: () => "'{}'" })
  identifyingMarks!: string[];

  /** The before (or after) this photo is shown beside. */
  @Index('photos_paired_photo_id_idx')
  @Column({ name: 'paired_photo_id', type: 'uuid', nullable: true })
  pairedPhotoId!: string | null;

  @ManyToOne(() => PhotoEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'paired_photo_id' })
  pairedPhoto?: PhotoEntity;

  @Column({ name: 'original_key', type: 'text' })
  originalKey!: string;

  @Column({ name: 'original_content_type', type: 'text' })
  originalContentType!: string;

  @Column({ name: 'original_bytes', type: 'bigint' })
  originalBytes!: string;

  @Column({ name: 'original_sha256', type: 'text' })
  originalSha256!: string;

  /** The uploaded file's name, cleaned of control and direction characters; never used as a key. */
  @Column({ name: 'original_file_name', type: 'text', nullable: true })
  originalFileName!: string | null;

  /** Upright pixel size of the original. */
  @Column({ type: 'integer' })
  width!: number;

  @Column({ type: 'integer' })
  height!: number;

  @Column({ name: 'web_key', type: 'text' })
  webKey!: string;

  @Column({ name: 'web_bytes', type: 'integer' })
  webBytes!: number;

  @Column({ name: 'web_sha256', type: 'text' })
  webSha256!: string;

  @Column({ name: 'web_width', type: 'integer' })
  webWidth!: number;

  @Column({ name: 'web_height', type: 'integer' })
  webHeight!: number;

  @Column({ name: 'thumb_key', type: 'text' })
  thumbKey!: string;

  @Column({ name: 'thumb_bytes', type: 'integer' })
  thumbBytes!: number;

  @Column({ name: 'thumb_sha256', type: 'text' })
  thumbSha256!: string;

  @Column({ name: 'thumb_width', type: 'integer' })
  thumbWidth!: number;

  @Column({ name: 'thumb_height', type: 'integer' })
  thumbHeight!: number;

  /** 64-bit difference hash of the upright image, as a signed bigint, for reverse lookup. */
  @Column({ name: 'perceptual_hash', type: 'bigint' })
  perceptualHash!: string;

  @Column({ name: 'uploaded_by_user_id', type: 'uuid', nullable: true })
  uploadedByUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by_user_id' })
  uploadedBy?: UserEntity;

  // Milliseconds, as the library's page cursor carries (migrations/1795430000000).
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
