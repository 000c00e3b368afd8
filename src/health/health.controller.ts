import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Req } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Public } from '../common/access.decorator.js';
import { buildProblem, PROBLEM_CONTENT_TYPE } from '../common/problem.filter.js';
import { ObjectStore } from '../storage/object-store.js';
import { HealthStatusDto, NotReadyProblemDto, ReadinessDto } from './health.dto.js';
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

  @Public()
  @Get('live')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Check that the process is alive',
    description:
      'Liveness probe: answers 200 as long as the process runs and its event loop answers. It checks no ' +
      'dependency, so a failing database does not get the instance restarted. No credentials.',
  })
  @ApiOkResponse({ type: HealthStatusDto, description: 'The process is alive.' })
  live(): HealthStatusDto {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  @ApiOperation({
    summary: 'Check that the instance can take work',
    description:
      'Readiness probe: 200 when the database and the object store each answer within 2 seconds and the ' +
      'instance is not shutting down; otherwise 503 with a problem naming which. Never cached. No credentials.',
  })
  @ApiOkResponse({ type: ReadinessDto, description: 'Ready: both dependencies answer.' })
  @ApiExtraModels(NotReadyProblemDto)
  @ApiServiceUnavailableResponse({
    description: 'Not ready: a dependency is down or the instance is shutting down (`not_ready`).',
    content: {
      'application/problem+json': {
        schema: { allOf: [{ $ref: '#/components/schemas/Problem' }, { $ref: getSchemaPath(NotReadyProblemDto) }] },
      },
    },
  })
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
