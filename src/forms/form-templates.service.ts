import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { actingUserId, type Caller } from '../common/caller.js';
import { NotFoundError, ValidationFailedError } from '../common/domain-error.js';
import type { PublishFormTemplateDto } from './dto/form-template.dto.js';
import { FORM_LANGUAGES, FormTemplateEntity, type FormLanguage, type FormWording } from './form-template.entity.js';

/** A version with every version of its template, newest first. */
export interface FormTemplateRecord {
  template: FormTemplateEntity;
  versions: Pick<FormTemplateEntity, 'id' | 'version' | 'publishedAt'>[];
}

/**
 * Release form templates (docs/architecture.md §1), kept by the privacy officer: each publication is a new
 * version of its template, and no version changes once published.
 */
@Injectable()
export class FormTemplatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The newest version of each template, newest first. */
  async latest(): Promise<FormTemplateRecord[]> {
    const templates = await this.dataSource.manager
      .createQueryBuilder(FormTemplateEntity, 't')
      .distinctOn(['t.familyId'])
      .orderBy('t.familyId')
      .addOrderBy('t.version', 'DESC')
      .getMany();
    templates.sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || (a.id < b.id ? -1 : 1));
    return this.records(templates);
  }

  async get(id: string): Promise<FormTemplateRecord> {
    const template = await this.dataSource.manager.findOneBy(FormTemplateEntity, { id });
    if (!template) throw new NotFoundError('The form template');
    const [record] = await this.records([template]);
    return record;
  }

  /** Publishes a new template, as its version 1. */
  async publish(input: PublishFormTemplateDto, caller: Caller): Promise<FormTemplateRecord> {
    return this.get(
      await this.dataSource.transaction((manager) => this.insertVersion(manager, randomUUID(), 1, input, caller)),
    );
  }

  /** Publishes the next version of the template that `id` is a version of. */
  async publishVersion(id: string, input: PublishFormTemplateDto, caller: Caller): Promise<FormTemplateRecord> {
    return this.get(
      await this.dataSource.transaction(async (manager) => {
        const base = await manager.findOneBy(FormTemplateEntity, { id });
        if (!base) throw new NotFoundError('The form template');
        // Publications of one template are numbered one at a time.
        const [newest] = await manager.query<{ version: number }[]>(
          'SELECT version FROM form_templates WHERE family_id = $1 ORDER BY version DESC LIMIT 1 FOR UPDATE',
          [base.familyId],
        );
        return this.insertVersion(manager, base.familyId, newest.version + 1, input, caller);
      }),
    );
  }

  private async insertVersion(
    manager: EntityManager,
    familyId: string,
    version: number,
    input: PublishFormTemplateDto,
    caller: Caller,
  ): Promise<string> {
    const wording = wordingOf(input);
    const template = manager.create(FormTemplateEntity, {
      familyId,
      version,
      clinicName: input.clinicName.trim(),
      wording,
      publishedByUserId: actingUserId(caller),
    });
    await manager.insert(FormTemplateEntity, template);
    await this.audit.record(
      caller,
      {
        action: 'form_template.publish',
        entityType: 'form_template',
        entityId: template.id,
        details: { familyId, version, languages: Object.keys(wording) },
      },
      manager,
    );
    return template.id;
  }

  private async records(templates: FormTemplateEntity[]): Promise<FormTemplateRecord[]> {
    if (templates.length === 0) return [];
    const versions = await this.dataSource.manager.find(FormTemplateEntity, {
      where: templates.map((template) => ({ familyId: template.familyId })),
      select: { id: true, familyId: true, version: true, publishedAt: true },
      order: { version: 'DESC' },
    });
    return templates.map((template) => ({
      template,
      versions: versions.filter((each) => each.familyId === template.familyId),
    }));
  }
}

/** The wording of each language given, trimmed; at least one language is required. */
function wordingOf(input: PublishFormTemplateDto): Partial<Record<FormLanguage, FormWording>> {
  const wording: Partial<Record<FormLanguage, FormWording>> = {};
  for (const language of FORM_LANGUAGES) {
    const given = input.wording[language];
    if (!given) continue;
    wording[language] = {
      title: given.title.trim(),
      introduction: given.introduction.trim(),
      rightToRevoke: given.rightToRevoke.trim(),
      treatmentNotConditioned: given.treatmentNotConditioned.trim(),
      redisclosure: given.redisclosure.trim(),
      electronicSignatureDisclosure: given.electronicSignatureDisclosure.trim(),
      closing: given.closing?.trim() || null,
    };
  }
  if (Object.keys(wording).length === 0) {
    throw new ValidationFailedError([
      {
        field: 'wording',
        messages: [`give the form's wording in at least one language: ${FORM_LANGUAGES.join(', ')}`],
      },
    ]);
  }
  return wording;
}
