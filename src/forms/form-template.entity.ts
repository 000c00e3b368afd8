import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { UserEntity } from '../auth/user.entity.js';

export const FORM_LANGUAGES = ['en', 'es'] as const;
export type FormLanguage = (typeof FORM_LANGUAGES)[number];

/**
 * The clinic's wording of a release form in one language: what it says around the parts the service
 * fills in from the release's scope. Each statement 45 CFR 164.508(c)(2) requires, and the consent to
 * sign electronically, is worded by the clinic and must be there.
 */
export interface FormWording {
  title: string;
  introduction: string;
  /** The right to revoke in writing, how to do it, and its exceptions: 164.508(c)(2)(i). */
  rightToRevoke: string;
  /** Treatment, payment, enrolment or eligibility is not conditioned on signing: 164.508(c)(2)(ii). */
  treatmentNotConditioned: string;
  /** What is disclosed may be redisclosed by its recipient and no longer protected: 164.508(c)(2)(iii). */
  redisclosure: string;
  /** The ESIGN Act / UETA disclosure: consent to sign and receive the form electronically, and the rights kept. */
  electronicSignatureDisclosure: string;
  closing: string | null;
}

/**
 * One published version of a release form template. Publishing makes a new version of the template
 * (its family); a version is never changed, so a form signed under it can always be shown again.
 */
@Entity('form_templates')
@Unique('form_templates_family_version_unique', ['familyId', 'version'])
@Index('form_templates_published_at_idx', ['publishedAt'])
export class FormTemplateEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Shared by every version of the template. */
  @Column({ name: 'family_id', type: 'uuid' })
  familyId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'clinic_name', type: 'text' })
  clinicName!: string;

  /** The wording in each language the template is offered in. */
  @Column({ type: 'jsonb' })
  wording!: Partial<Record<FormLanguage, FormWording>>;

  @Column({ name: 'published_at', type: 'timestamptz', default: () => 'now()' })
  publishedAt!: Date;

  /** Null for the template the service ships. */
  @Column({ name: 'published_by_user_id', type: 'uuid', nullable: true })
  publishedByUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'published_by_user_id' })
  publishedBy?: UserEntity;
}
