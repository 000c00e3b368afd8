import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '../auth/user.entity.js';

/**
 * Who gets the removal tasks of a channel by default. A channel prefix (`social`) covers the channels
 * under it; the longest matching prefix wins.
 */
@Entity('removal_task_owners')
export class RemovalTaskOwnerEntity {
  @PrimaryColumn({ type: 'text' })
  channel!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ name: 'set_by_user_id', type: 'uuid', nullable: true })
  setByUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'set_by_user_id' })
  setBy?: UserEntity;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
