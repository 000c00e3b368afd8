import { ApiProperty } from '@nestjs/swagger';

export class HealthStatusDto {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';
}

export class ReadinessChecksDto {
  @ApiProperty({ enum: ['up', 'down'], description: 'Whether PostgreSQL answered a query within 2 seconds.' })
  database!: 'up' | 'down';

  @ApiProperty({
    enum: ['up', 'down'],
    description: 'Whether the object store (local disk or S3) answered within 2 seconds.',
  })
  objectStore!: 'up' | 'down';
}

export class ReadinessDto extends HealthStatusDto {
  @ApiProperty({ type: ReadinessChecksDto })
  checks!: ReadinessChecksDto;
}

/**
 * The members the 503 of `/health/ready` adds to the shared Problem schema (the answer is built by
 * hand in the controller, not by a DomainError).
 */
export class NotReadyProblemDto {
  @ApiProperty({ enum: ['not_ready'] })
  code!: 'not_ready';

  @ApiProperty({ type: 'integer', enum: [503] })
  status!: 503;

  @ApiProperty({ type: ReadinessChecksDto, description: 'Which dependency is down (both may be up while draining).' })
  checks!: ReadinessChecksDto;

  @ApiProperty({ description: 'true: the instance is shutting down, so load balancers send it no new work.' })
  draining!: boolean;
}
