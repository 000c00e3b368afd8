import { Check, Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { DESCRIPTOR_SIDE } from '../images/fingerprint.js';
import { PhotoEntity } from './photo.entity.js';

/**
 * What reverse lookup matches a file against (src/images/fingerprint.ts), one row per photo, kept
 * narrow: the 4 KB descriptor is stored out of line, so an index probe touches small rows only.
 *
 * Multi-index hashing: the centre hash's four 16-bit chunks are indexed each on its own (the
 * migration makes them; TypeORM cannot declare expression indexes). A hash within 3 bits of a
 * probe equals it in at least one chunk, so a lookup reads only the rows sharing a chunk with one
 * of its probes, never the table.
 */
@Entity('photo_fingerprints')
@Check('photo_fingerprints_descriptor_size', `octet_length(descriptor) = ${DESCRIPTOR_SIDE * DESCRIPTOR_SIDE}`)
@Index('photo_fingerprints_centre_chunk_0', { synchronize: false })
@Index('photo_fingerprints_centre_chunk_1', { synchronize: false })
@Index('photo_fingerprints_centre_chunk_2', { synchronize: false })
@Index('photo_fingerprints_centre_chunk_3', { synchronize: false })
export class PhotoFingerprintEntity {
  @PrimaryColumn({ name: 'photo_id', type: 'uuid' })
  photoId!: string;

  @OneToOne(() => PhotoEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'photo_id' })
  photo?: PhotoEntity;

  /** Difference hash of the centre window, as a signed bigint. */
  @Column({ name: 'centre_hash', type: 'bigint' })
  centreHash!: string;

  /** 64×64 grey levels of the whole frame, row by row. */
  @Column({ type: 'bytea' })
  descriptor!: Buffer;
}
