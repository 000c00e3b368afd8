import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { ClearanceChanges } from '../rights/clearance-changes.js';
import {
  ConsentChanges,
  type ConsentChangeOptions,
  type ConsentChangeSteps,
  type DecidedPublication,
  type OpenedRemovalCase,
  type RefusedPublications,
} from '../rights/consent-changes.js';
import { lockCurrentReleases } from './consent-locks.js';
import { RemovalCaseOpeningService } from './removal-case-opening.service.js';

/** The unit of work of a consent change (ConsentChanges, src/rights/consent-changes.ts). */
@Injectable()
export class ConsentChangeService extends ConsentChanges {
  constructor(
    private readonly dataSource: DataSource,
    private readonly removalCases: RemovalCaseOpeningService,
    private readonly audit: AuditService,
    private readonly changes: ClearanceChanges,
  ) {
    super();
  }

  async run<W, T, R = T>(
    patientId: string,
    steps: ConsentChangeSteps<W, T>,
    options: ConsentChangeOptions<T, R>,
  ): Promise<R> {
    const work = async (manager: EntityManager): Promise<T> => {
      await lockCurrentReleases(manager, patientId);
      const before = options.compareWithBefore ? await this.refusalReasons(manager, patientId) : null;
      const written = await steps.write(manager);
      const opened: OpenedRemovalCase[] = [];
      if (steps.removalCases) {
        const now = await this.removalCases.uncleared(manager, patientId);
        const refused: RefusedPublications = { now, newly: before ? newlyRefused(now, before) : [] };
        for (const request of await steps.removalCases(written, refused, manager)) {
          opened.push(await this.removalCases.open(manager, patientId, request));
        }
      }
      const { result, auditEntries } = await steps.record(written, opened, manager);
      await this.audit.recordEach(
        options.caller,
        [...auditEntries, ...opened.flatMap((removalCase) => removalCase.auditEntries)],
        manager,
      );
      return result;
    };
    const committed = options.transaction
      ? await options.transaction(work)
      : ((await this.dataSource.transaction(work)) as unknown as R);
    this.changes.committed(patientId);
    return committed;
  }

  /** The codes of the reasons each live publication of the patient is refused for now, by publication id. */
  private async refusalReasons(manager: EntityManager, patientId: string): Promise<Map<string, Set<string>>> {
    return new Map(
      (await this.removalCases.uncleared(manager, patientId)).map((publication) => [
        publication.id,
        new Set(publication.decision.reasons.map((reason) => reason.code)),
      ]),
    );
  }
}

/** Those of `now` refused for a reason they were not refused for `before`. */
function newlyRefused(now: DecidedPublication[], before: Map<string, Set<string>>): DecidedPublication[] {
  return now.filter((publication) => {
    const reasonsBefore = before.get(publication.id);
    return !reasonsBefore || publication.decision.reasons.some((reason) => !reasonsBefore.has(reason.code));
  });
}
