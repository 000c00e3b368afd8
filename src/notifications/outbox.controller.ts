import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CurrentCaller, maySeeIdentified, type Caller } from '../common/caller.js';
import { RequirePermission } from '../common/access.decorator.js';
import { filteredForIdentifiedData } from '../common/identified.js';
import { pageCursor, readPageCursor } from '../common/page-cursor.js';
import { OutboxMessageDto, OutboxPageDto, OutboxQueryDto } from './dto/outbox.dto.js';
import { OutboxMessageEntity } from './outbox-message.entity.js';

const DEFAULT_PAGE_SIZE = 50;

@ApiTags('outbox')
@Controller('outbox')
export class OutboxController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  @RequirePermission('outbox.read')
  @Get()
  @ApiOperation({
    summary: 'List outbox messages',
    description:
      'Every message the service has written, newest first, a page at a time (pass `nextCursor` as `before`): ' +
      'with no SMTP server configured this is where they are read, and letters without an address go by post. ' +
      'A message to a patient shows its address, body and delivery error only to a caller with `patients.read`; ' +
      'the token of a patient’s sign-in link is never shown. Each read is audited.',
  })
  @ApiOkResponse({ type: OutboxPageDto, description: 'One page of messages.' })
  async list(@Query() query: OutboxQueryDto, @CurrentCaller() caller: Caller): Promise<OutboxPageDto> {
    const builder = this.dataSource.manager
      .createQueryBuilder(OutboxMessageEntity, 'm')
      .orderBy('m.createdAt', 'DESC')
      .addOrderBy('m.id', 'DESC');
    if (query.delivery) builder.andWhere('m.delivery = :delivery', { delivery: query.delivery });
    if (query.kind) builder.andWhere('m.kind = :kind', { kind: query.kind });
    if (query.removalCaseId) builder.andWhere('m.removalCaseId = :caseId', { caseId: query.removalCaseId });
    if (query.before) {
      const before = readPageCursor(query.before);
      builder.andWhere('(m.createdAt, m.id) < (:beforeAt, :beforeId)', { beforeAt: before.at, beforeId: before.id });
    }
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await builder.take(limit + 1).getMany();
    const seesPatients = maySeeIdentified(caller);
    const items = rows.slice(0, limit).map((message) => {
      const view = messageView(message, seesPatients);
      // Filtered here, message by message: a staff message's delivery error stays readable.
      return seesPatients ? view : filteredForIdentifiedData(view);
    });
    await this.audit.record(caller, {
      action: 'outbox.read',
      details: { delivery: query.delivery, kind: query.kind, removalCaseId: query.removalCaseId, count: items.length },
    });
    const last = items.at(-1);
    return {
      items,
      nextCursor: rows.length > limit && last ? pageCursor(last.createdAt, last.id) : null,
    };
  }
}

function messageView(message: OutboxMessageEntity, seesPatients: boolean): OutboxMessageDto {
  const withheld = message.recipientPatientId !== null && !seesPatients;
  return {
    id: message.id,
    createdAt: message.createdAt,
    kind: message.kind,
    ...(withheld
      ? {}
      : {
          to: message.recipientAddress,
          body:
            message.kind === 'portal_access_link' || message.kind === 'signing_request_link'
              ? message.body.replace(/#token=pcs_[lg]_\S+/g, "#token=[the patient's alone; not shown]")
              : message.body,
        }),
    identifiedWithheld: withheld,
    recipientUserId: message.recipientUserId,
    recipientPatientId: message.recipientPatientId,
    removalCaseId: message.removalCaseId,
    subject: message.subject,
    attachmentName: message.attachmentName,
    delivery: message.delivery,
    attempts: message.attempts,
    lastError: withheld ? null : message.lastError,
    sentAt: message.sentAt,
  };
}
