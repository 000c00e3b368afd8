import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { UserEntity } from '../auth/user.entity.js';
import { PatientEntity } from '../patients/patient.entity.js';
import { PhotoEntity } from '../photos/photo.entity.js';
import type { ReleaseEntity } from '../releases/release.entity.js';
import { checkIn } from '../database/check-in.js';

export const PUBLICATION_STATUSES = ['live', 'removal_pending', 'removed', 'not_removable'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

/**
 * One place a photo is used: where, what the use shows, who recorded it and under which release
 * version it was cleared. A `website` publication may be hosted by the service at /m/{token}.
 */
@Entity('publications')
@Check('publications_status_check', checkIn('status', PUBLICATION_STATUSES))
@Check('publications_hosted_has_token', '(hosted AND media_token IS NOT NULL) OR (NOT hosted AND media_token IS NULL)')
@Check(
  'publications_has_location',
  'hosted OR url IS NOT NULL OR post_id IS NOT NULL OR campaign IS NOT NULL OR print_run IS NOT NULL',
)
@Index('publications_photo_idx', ['photoId', 'createdAt'])
@Index('publications_status_idx', ['status', 'createdAt'])
export class PublicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'photo_id', type: 'uuid' })
  photoId!: string;

  @ManyToOne(() => PhotoEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'photo_id' })
  photo?: PhotoEntity;

  /** The photo's patient, kept here for the removal workflow and the rights report. */
  @Index('publications_patient_idx')
  @Column({ name: 'patient_id', type: 'uuid' })
  patientId!: string;

  @ManyToOne(() => PatientEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'patient_id' })
  patient?: PatientEntity;

  @Column({ type: 'text' })
  channel!: string;

  @Column({ type: 'text', nullable: true })
  url!: string | null;

  @Column({ name: 'post_id', type: 'text', nullable: true })
  postId!: string | null;

  @Column({ type: 'text', nullable: true })
  campaign!: string | null;

  @Column({ name: 'print_run', type: 'text', nullable: true })
  printRun!: string | null;

  @Column({ name: 'face_shown', type: 'boolean' })
  faceShown!: boolean;

  @Column({ name: 'marks_obscured', type: 'boolean' })
  marksObscured!: boolean;

  @Column({ name: 'name_shown', type: 'boolean' })
  nameShown!: boolean;

  @Column({ type: 'boolean' })
  paid!: boolean;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;

  @Column({ name: 'published_by_user_id', type: 'uuid', nullable: true })
  publishedByUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'published_by_user_id' })
  publishedBy?: UserEntity;

  /** The release version that cleared the use when it was recorded: the evidence of the decision. */
  @Column({ name: 'release_id', type: 'uuid' })
  releaseId!: string;

  @ManyToOne('ReleaseEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'release_id' })
  release?: Relation<ReleaseEntity>;

  /**
   * Whether consent cleared the use at `publishedAt`; false for a use found later that predates its
   * consent, recorded as such (the rights report lists it); null for one recorded before this was
   * decided.
   */
  @Column({ name: 'cleared_when_published', type: 'boolean', nullable: true })
  clearedWhenPublished!: boolean | null;

  /** For a publication found after a revocation: how it came to light, as staff typed it. */
  @Column({ name: 'how_found', type: 'text', nullable: true })
  howFound!: string | null;

  /** Whether the service serves the photo for this publication at /m/{mediaToken}. */
  @Column({ type: 'boolean' })
  hosted!: boolean;

  /** Random and unguessable; says nothing about the patient or the photo. */
  @Index('publications_media_token_unique', { unique: true, where: 'media_token IS NOT NULL' })
  @Column({ name: 'media_token', type: 'text', nullable: true })
  mediaToken!: string | null;

  @Column({ type: 'text', default: 'live' })
  status!: PublicationStatus;

  @Column({ name: 'status_changed_at', type: 'timestamptz', default: () => 'now()' })
  statusChangedAt!: Date;

  /** Milliseconds, as JavaScript keeps them, so that a page cursor made from it is exact. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
