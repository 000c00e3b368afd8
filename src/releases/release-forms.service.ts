import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { NotFoundError, ValidationFailedError, type FieldError } from '../common/domain-error.js';
import { AppConfig } from '../config/app-config.js';
import { FormTemplatesService } from '../forms/form-templates.service.js';
import { renderReleaseForm, type ReleaseFormTerms, type RenderedForm } from '../forms/release-form.js';
import { PatientEntity } from '../patients/patient.entity.js';
import { TreatmentCaseEntity } from '../patients/treatment-case.entity.js';
import type { ReleaseFormPreviewDto } from './dto/release-form.dto.js';
import { assertTermsValid, coverageErrors, fullScope, text } from './release-terms.js';

/** A rendered form with the template version it is worded in. */
export interface ReleaseFormShown extends RenderedForm {
  templateId: string;
  templateVersion: number;
}

/** The elements of 164.508(c)(1) the front desk words for each release, which a form cannot go without. */
const REQUIRED_TEXTS = ['informationDescription', 'disclosingParty', 'recipients', 'purpose'] as const;

/**
 * Release forms rendered for a patient from a template version and the terms the front desk fills in:
 * the form the patient reads before signing, or prints to sign on paper.
 */
@Injectable()
export class ReleaseFormsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly templates: FormTemplatesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** The form as the patient would read it now; the read of the patient's name is audited. */
  async preview(patientId: string, input: ReleaseFormPreviewDto, caller: Caller): Promise<ReleaseFormShown> {
    const { form } = await this.render(patientId, input);
    await this.audit.record(caller, {
      action: 'release_form.preview',
      entityType: 'patient',
      entityId: patientId,
      patientId,
      details: { templateId: form.templateId, language: input.language, sha256: form.sha256 },
    });
    return form;
  }

  /**
   * Renders the form from the terms, judged as if signed now (a minor's needs a guardian to sign
   * it); the same terms rendered again give the same hash until the patient, a covered case or the
   * template changes. Not audited: the caller records what it does with the form.
   */
  async render(
    patientId: string,
    input: ReleaseFormPreviewDto,
  ): Promise<{ form: ReleaseFormShown; patient: PatientEntity }> {
    const patient = await this.dataSource.manager.findOneBy(PatientEntity, { id: patientId });
    if (!patient) throw new NotFoundError('The patient');
    const { template } = await this.templates.get(input.templateId);
    const errors: FieldError[] = [];
    if (!template.wording[input.language]) {
      errors.push({ field: 'language', messages: [`the template is not worded in ${input.language}`] });
    }
    for (const field of REQUIRED_TEXTS) {
      if (!text(input[field])) errors.push({ field, messages: [`${field} is required on a release form`] });
    }
    errors.push(...coverageErrors(input));
    if (input.expiresAt && input.expirationEvent) {
      errors.push({ field: 'expirationEvent', messages: ['give an expiry date or an expiration event, not both'] });
    }
    if (errors.length > 0) throw new ValidationFailedError(errors);
    const now = this.clock.now();
    const scope = fullScope(input.scope);
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    assertTermsValid(
      patient,
      { signedAt: now, expiresAt, signedBy: input.signedBy, scope },
      { now, timeZone: this.config.clinicTimeZone },
    );
    const cases = await this.casesInWords(patientId, input.coversAllCases === true ? null : (input.caseIds ?? []));
    const signer = input.signedBy;
    const terms: ReleaseFormTerms = {
      ...scope,
      expiresAt,
      expirationEvent: text(input.expirationEvent),
      patientName: patient.fullName,
      cases,
      informationDescription: text(input.informationDescription) as string,
      disclosingParty: text(input.disclosingParty) as string,
      recipients: text(input.recipients) as string,
      purpose: text(input.purpose) as string,
      signer:
        signer.signerType === 'guardian' && signer.fullName && signer.relationship
          ? { signerType: 'guardian', fullName: signer.fullName.trim(), relationship: signer.relationship }
          : { signerType: 'patient' },
    };
    const rendered = renderReleaseForm(template, input.language, terms, this.config.clinicTimeZone);
    return { form: { ...rendered, templateId: template.id, templateVersion: template.version }, patient };
  }

  /** The covered cases as the form names them, oldest first; null when the form covers every case. */
  private async casesInWords(patientId: string, caseIds: string[] | null): Promise<string[] | null> {
    if (caseIds === null) return null;
    const cases = await this.dataSource.manager.find(TreatmentCaseEntity, {
      where: { id: In(caseIds), patientId },
      order: { treatmentDate: 'ASC', id: 'ASC' },
    });
    if (cases.length !== new Set(caseIds).size) throw new NotFoundError("One of the covered cases (of this patient's)");
    return cases.map((each) => `${each.procedure}, ${each.treatmentDate}`);
  }
}
