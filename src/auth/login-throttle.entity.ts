import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed logins counted per email address and per client IP in a fixed window. Kept in PostgreSQL
 * so every instance of the service sees the same counts.
 */
@Entity('login_throttle')
export class LoginThrottleEntity {
  /** account | ip */
  @PrimaryColumn({ type: 'text' })
  scope!: string;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ name: 'window_started_at', type: 'timestamptz' })
  windowStartedAt!: Date;

  @Column({ type: 'integer' })
  failures!: number;
}
