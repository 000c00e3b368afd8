import { Readable } from 'node:stream';
import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequirePermission } from '../common/access.decorator.js';
import { Clock } from '../common/clock.js';
import { csvLine } from '../common/csv.js';
import { CurrentCaller, maySeeIdentified, type Caller } from '../auth/caller.js';
import { auditDetailsWithoutIdentified } from '../common/identified.js';
import { AuditService } from './audit.service.js';
import { AuditTrailService, type AuditFilter } from './audit-trail.service.js';
import {
  AuditEventDto,
  AuditFilterQueryDto,
  AuditPageDto,
  AuditPageQueryDto,
  ChainVerificationDto,
} from './dto/audit.dto.js';

const DEFAULT_PAGE_SIZE = 100;
const CSV_COLUMNS: (keyof AuditEventDto)[] = [
  'id',
  'recordedAt',
  'actorType',
  'actorId',
  'actorLabel',
  'action',
  'outcome',
  'entityType',
  'entityId',
  'patientId',
  'requestId',
  'clientIp',
  'details',
  'seq',
];

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly trail: AuditTrailService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Audit events, newest first, filtered; reading the trail is itself recorded. */
  @RequirePermission('audit.read')
  @Get()
  @ApiOkResponse({ type: AuditPageDto })
  async list(@Query() query: AuditPageQueryDto, @CurrentCaller() caller: Caller): Promise<AuditPageDto> {
    const filter = toFilter(query);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const items = (await this.trail.page(filter, limit, query.before)).map(eventViewFor(caller));
    await this.audit.record(caller, {
      action: 'audit.read',
      patientId: filter.patientId,
      details: filterDetails(filter),
    });
    return { items, nextCursor: items.length === limit ? (items[items.length - 1]?.id ?? null) : null };
  }

  /** Every matching event as CSV, oldest first: e.g. the accounting of access to one patient's data. */
  @RequirePermission('audit.read')
  @Get('export')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV with a header row.' })
  async export(
    @Query() query: AuditFilterQueryDto,
    @CurrentCaller() caller: Caller,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const filter = toFilter(query);
    // The export covers what was recorded before it began, not its own record.
    const upTo = await this.trail.latestEventId();
    await this.audit.record(caller, {
      action: 'audit.export',
      patientId: filter.patientId,
      details: filterDetails(filter),
    });
    const stamp = this.clock.now().toISOString().slice(0, 19).replace(/[-:]/g, '');
    const trail = this.trail;
    // The export is written past the interceptor: the view leaves identified details out itself.
    const view = eventViewFor(caller);
    async function* lines() {
      yield csvLine(CSV_COLUMNS);
      for await (const each of trail.all(filter, upTo)) {
        const event = view(each);
        yield csvLine(CSV_COLUMNS.map((column) => event[column]));
      }
    }
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-${stamp}.csv"`)
      .send(Readable.from(lines()));
  }

  /** Walks the whole hash chain and names the first broken link. */
  @RequirePermission('audit.read')
  @Get('verify')
  @ApiOkResponse({ type: ChainVerificationDto })
  async verify(@CurrentCaller() caller: Caller): Promise<ChainVerificationDto> {
    const result = await this.trail.verify();
    await this.audit.record(caller, {
      action: 'audit.verify',
      details: {
        intact: result.intact,
        sealedEvents: result.sealedEvents,
        firstBrokenSeq: result.firstBrokenLink?.seq,
      },
    });
    return result;
  }
}

function toFilter(query: AuditFilterQueryDto): AuditFilter {
  return {
    patientId: query.patientId,
    actorId: query.actorId,
    entityType: query.entityType,
    entityId: query.entityId,
    action: query.action,
    outcome: query.outcome,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
  };
}

/** The filters asked for, for the audit record of the read: ids, codes and dates only. */
function filterDetails(filter: AuditFilter): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
}

/**
 * How the caller sees an event: whole with patients.read; otherwise with the identified fields of its
 * details left out (older events copied staff's free text into them).
 */
function eventViewFor(caller: Caller): (event: AuditEventDto) => AuditEventDto {
  if (maySeeIdentified(caller)) return (event) => event;
  return (event) => ({ ...event, details: auditDetailsWithoutIdentified(event.details) });
}
