import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { GUARDIAN_RELATIONSHIPS, type GuardianRelationship } from '../rights/guardian.js';
import { checkIn } from '../database/check-in.js';

/**
 * A patient: identified data (name, birth date, contact, record number) that only roles allowed
 * identified data see, and the pseudonymous `code` used everywhere else.
 */
@Entity('patients')
@Check('patients_code_format', `code ~ '^P-[0-9A-HJKMNP-TV-Z]{5}$'`)
@Check('patients_guardian_relationship_check', checkIn('guardian_relationship', GUARDIAN_RELATIONSHIPS))
@Check('patients_guardian_complete', '(guardian_full_name IS NULL) = (guardian_relationship IS NULL)')
// A trigram index over the normalised name serves substring search; TypeORM cannot declare its
// operator class, so the migration owns it.
@Index('patients_search_name_trgm', { synchronize: false })
export class PatientEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  code!: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName!: string;

  /** Lower case without diacritics or repeated spaces, for search. */
  @Column({ name: 'search_name', type: 'text' })
  searchName!: string;

  @Column({ name: 'date_of_birth', type: 'date' })
  dateOfBirth!: string;

  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail!: string | null;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone!: string | null;

  @Column({ name: 'postal_address', type: 'text', nullable: true })
  postalAddress!: string | null;

  /** The clinic's own medical record number, when it has one. */
  @Index('patients_mrn_unique', { unique: true, where: 'mrn IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  mrn!: string | null;

  @Column({ name: 'guardian_full_name', type: 'text', nullable: true })
  guardianFullName!: string | null;

  @Column({ name: 'guardian_relationship', type: 'text', nullable: true })
  guardianRelationship!: GuardianRelationship | null;

  @Column({ name: 'guardian_contact_email', type: 'text', nullable: true })
  guardianContactEmail!: string | null;

  @Column({ name: 'guardian_contact_phone', type: 'text', nullable: true })
  guardianContactPhone!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
