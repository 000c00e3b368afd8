import { Readable } from 'node:stream';
import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequirePermission } from '../common/access.decorator.js';
import { Clock } from '../common/clock.js';
import { csvLine } from '../common/csv.js';
import { CurrentCaller, maySeeIdentified, type Caller } from '../common/caller.js';
import { auditDetailsWithoutIdentified } from '../common/identified.js';
import { ApiFileResponse, CONTENT_DISPOSITION_HEADER } from '../common/api-docs.js';
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

  @RequirePermission('audit.read')
  @Get()
  @ApiOperation({
    summary: 'List audit events',
    description:
      'Audit events matching the filters, newest first, a page at a time: pass `nextCursor` as `before` for the ' +
      'next page. Without `patients.read` the identified fields of each event’s `details` are left out. Reading ' +
      'the trail is itself recorded.',
  })
  @ApiOkResponse({ type: AuditPageDto, description: 'One page of events.' })
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

  @RequirePermission('audit.read')
  @Get('export')
  @ApiOperation({
    summary: 'Export audit events as CSV',
    description:
      'Every event matching the filters, oldest first, as one CSV download: e.g. the accounting of access to one ' +
      'patient’s data. It covers what was recorded before it began; the export is itself recorded. Columns are ' +
      'those of an event in the list, `details` as JSON; without `patients.read` identified details are left out.',
  })
  @ApiFileResponse({
    mediaTypes: ['text/csv'],
    description: 'UTF-8 CSV with a header row, streamed.',
    headers: { 'Content-Disposition': CONTENT_DISPOSITION_HEADER },
  })
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

  @RequirePermission('audit.read')
  @Get('verify')
  @ApiOperation({
    summary: 'Verify the audit hash chain',
    description:
      'Seals the events committed so far, then checks every link of the hash chain against its event’s current ' +
      'contents and names the first broken link. It reads the whole trail, so it can take a while. The check is ' +
      'itself recorded.',
  })
  @ApiOkResponse({ type: ChainVerificationDto, description: 'Whether the chain is intact, and where not.' })
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
