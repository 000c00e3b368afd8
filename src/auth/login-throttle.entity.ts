import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Sign-in attempts counted per email address and per client address in a fixed window. Kept in
 * PostgreSQL so every instance of the service sees the same counts.
 */
@Entity('login_throttle')
export class LoginThrottleEntity {
  /** account | ip (staff sign-in); portal_email | portal_ip | portal_session_ip (the patient portal) */
  @PrimaryColumn({ type: 'text' })
  scope!: string;

  /** SHA-256 of the email address, or the client address (IPv6 per /64). */
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Index('login_throttle_window_started_at_idx')
  @Column({ name: 'window_started_at', type: 'timestamptz' })
  windowStartedAt!: Date;

  @Column({ type: 'integer' })
  failures!: number;
}
