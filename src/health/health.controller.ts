import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Req } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Public } from '../common/access.decorator.js';
import { buildProblem, PROBLEM_CONTENT_TYPE } from '../common/problem.filter.js';
import { ObjectStore } from '../storage/object-store.js';
import { HealthStatusDto, ReadinessDto } from './health.dto.js';
import { ShutdownState } from './shutdown-state.js';

const CHECK_TIMEOUT_MS = 2000;

type CheckResult = 'up' | 'down';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: ObjectStore,
    private readonly shutdown: ShutdownState,
  ) {}

  /** The process is running and its event loop answers. */
  @Public()
  @Get('live')
  @HttpCode(200)
  @ApiOkResponse({ type: HealthStatusDto })
  live(): HealthStatusDto {
    return { status: 'ok' };
  }

  /** The service can do its work: the database and the object store answer, and it is not shutting down. */
  @Public()
  @Get('ready')
  @ApiOkResponse({ type: ReadinessDto })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down or the service is shutting down.' })
  async ready(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const [database, objectStore] = await Promise.all([
      check(() => this.dataSource.query('SELECT 1')),
      check(() => this.store.checkReady()),
    ]);
    const checks = { database, objectStore };
    void reply.header('cache-control', 'no-store');
    if (this.shutdown.isDraining || database === 'down' || objectStore === 'down') {
      const detail = this.shutdown.isDraining ? 'The service is shutting down.' : 'A dependency is not available.';
      await reply
        .status(503)
        .header('content-type', PROBLEM_CONTENT_TYPE)
        .send(buildProblem(request, 503, 'not_ready', detail, { checks, draining: this.shutdown.isDraining }));
      return;
    }
    const body: ReadinessDto = { status: 'ok', checks };
    await reply.status(200).send(body);
  }
}

async function check(probe: () => Promise<unknown>): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
      }),
    ]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}
