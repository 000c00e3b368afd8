import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A mutating request made with an `Idempotency-Key`: the key (per caller), a hash of what was asked
 * and the response it got, stored in the transaction of the change itself so that the key and the
 * change commit or roll back together.
 */
@Entity('idempotent_requests')
export class IdempotentRequestEntity {
  /** Whose key it is ("user:<id>", "api_key:<id>", "patient:<id>"): keys of different callers never meet. */
  @PrimaryColumn({ type: 'text' })
  owner!: string;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  /** The route, e.g. "POST /patients/:id/revocations". */
  @Column({ type: 'text' })
  operation!: string;

  /** SHA-256 of the request's path parameters and body: the same key with another request is refused. */
  @Column({ name: 'request_sha256', type: 'text' })
  requestSha256!: string;

  /** Null only inside the transaction that claimed the key, before the answer is known. */
  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus!: number | null;

  @Column({ name: 'response_body', type: 'jsonb', nullable: true })
  responseBody!: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
