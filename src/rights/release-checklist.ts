import { calendarDay } from '../common/calendar.js';
import { signerAuthorityProblem, type SignerAuthorityProblem } from './guardian.js';
import type { ReleaseEntity } from '../releases/release.entity.js';

export interface ChecklistItem {
  element: string;
  citation: string;
  requirement: string;
  passed: boolean;
  missing: string | null;
}

export interface Checklist {
  releaseId: string;
  version: number;
  complete: boolean;
  items: ChecklistItem[];
  notice: string;
}

export const CHECKLIST_NOTICE =
  'A checklist of the elements 45 CFR 164.508(c) requires in an authorization, against what was recorded ' +
  'from the signed form. It is not legal advice and does not judge whether the form is in plain language.';

export type ChecklistFields = Pick<
  ReleaseEntity,
  | 'id'
  | 'version'
  | 'informationDescription'
  | 'disclosingParty'
  | 'recipients'
  | 'purpose'
  | 'expiresAt'
  | 'expirationEvent'
  | 'signedAt'
  | 'signerType'
  | 'signerFullName'
  | 'signerRelationship'
  | 'signerAuthority'
  | 'rightToRevokeStatement'
  | 'conditioningStatement'
  | 'treatmentConditionedOnSigning'
  | 'redisclosureStatement'
  | 'copyProvidedToSigner'
>;

function present(text: string | null | undefined): boolean {
  return typeof text === 'string' && text.trim().length > 0;
}

function item(element: string, citation: string, requirement: string, missing: string | null): ChecklistItem {
  return { element, citation, requirement, passed: missing === null, missing };
}

/**
 * What the signature is judged against: the patient's date of birth as recorded now (a correction
 * can show that a release was signed by a minor alone) and the clinic's time zone, whose calendar
 * day of the signing counts the patient's age.
 */
export interface SigningContext {
  patientDateOfBirth: string;
  timeZone: string;
}

// Without the date of birth itself: the checklist and the clearance rule's reasons reach roles
// that may not see identified data.
const SIGNER_AUTHORITY_MISSING: Record<SignerAuthorityProblem, string> = {
  signed_before_birth: "The form is dated before the patient's recorded date of birth.",
  minor_signed_alone: 'The patient was under 18 on the signing date and signed alone: a guardian must sign.',
  parent_of_adult: 'A parent signed, but the patient was an adult on the signing date and must sign for themselves.',
};

function signatureMissing(release: ChecklistFields, context: SigningContext): string | null {
  if (!present(release.signerFullName)) return 'The signer is not recorded.';
  const guardianSigned = release.signerType === 'guardian';
  if (guardianSigned && !(release.signerRelationship && present(release.signerAuthority))) {
    return "The guardian's relationship or authority to sign is not recorded.";
  }
  const problem = signerAuthorityProblem(
    { signerType: release.signerType, relationship: release.signerRelationship },
    context.patientDateOfBirth,
    calendarDay(release.signedAt, context.timeZone),
  );
  return problem ? SIGNER_AUTHORITY_MISSING[problem] : null;
}

/** Each element of 45 CFR 164.508(c), passed or with what is missing. A pure function of its arguments. */
export function releaseChecklist(release: ChecklistFields, context: SigningContext): Checklist {
  const items = [
    item(
      'information_description',
      '45 CFR 164.508(c)(1)(i)',
      'A specific and meaningful description of the information to be used or disclosed.',
      present(release.informationDescription) ? null : 'No description of the photos to be disclosed was recorded.',
    ),
    item(
      'authorized_disclosers',
      '45 CFR 164.508(c)(1)(ii)',
      'The name or specific identification of who is authorized to make the disclosure.',
      present(release.disclosingParty) ? null : 'The form does not name who may disclose the photos.',
    ),
    item(
      'recipients',
      '45 CFR 164.508(c)(1)(iii)',
      'The name or specific identification of the recipients of the disclosure.',
      present(release.recipients) ? null : 'The form does not name the recipients.',
    ),
    item(
      'purpose',
      '45 CFR 164.508(c)(1)(iv)',
      'A description of each purpose of the use or disclosure.',
      present(release.purpose) ? null : 'The form does not state the purpose.',
    ),
    item(
      'expiration',
      '45 CFR 164.508(c)(1)(v)',
      'An expiration date or an expiration event that relates to the individual or the purpose.',
      release.expiresAt || present(release.expirationEvent) ? null : 'Neither an expiry date nor an expiration event.',
    ),
    item(
      'signature_and_date',
      '45 CFR 164.508(c)(1)(vi)',
      "The individual's signature and date; a personal representative's signature with a description of their authority.",
      signatureMissing(release, context),
    ),
    item(
      'right_to_revoke',
      '45 CFR 164.508(c)(2)(i)',
      'A statement of the right to revoke in writing, its exceptions and how to revoke.',
      release.rightToRevokeStatement ? null : 'The form lacks the statement of the right to revoke.',
    ),
    item(
      'conditioning',
      '45 CFR 164.508(c)(2)(ii)',
      'A statement that treatment, payment, enrollment or eligibility is not conditioned on signing.',
      !release.conditioningStatement
        ? 'The form lacks the statement about conditioning treatment on signing.'
        : release.treatmentConditionedOnSigning
          ? 'Treatment was conditioned on signing, which a photo release may not do (164.508(b)(4)).'
          : null,
    ),
    item(
      'redisclosure',
      '45 CFR 164.508(c)(2)(iii)',
      'A statement that information disclosed may be redisclosed by the recipient and no longer protected.',
      release.redisclosureStatement ? null : 'The form lacks the redisclosure statement.',
    ),
    item(
      'copy_to_signer',
      '45 CFR 164.508(c)(4)',
      'The individual is given a copy of the signed authorization.',
      release.copyProvidedToSigner ? null : 'No copy was recorded as given to the signer.',
    ),
  ];
  return {
    releaseId: release.id,
    version: release.version,
    complete: items.every((entry) => entry.passed),
    items,
    notice: CHECKLIST_NOTICE,
  };
}

/**
 * What makes the authorization defective (45 CFR 164.508(b)(2)): a missing element of the form,
 * (c)(1) and (c)(2), a signer without authority for the patient's age on the signing date, or
 * treatment conditioned on signing. Handing the signer a copy, (c)(4), is a duty of the clinic
 * rather than part of the form, so its absence leaves the authorization valid.
 */
export function checklistDefects(checklist: Checklist): string[] {
  return checklist.items
    .filter((entry) => !entry.passed && entry.element !== 'copy_to_signer')
    .map((entry) => entry.missing ?? entry.requirement);
}

/** The defects of checklistDefects, from the release's fields. */
export function authorizationDefects(release: ChecklistFields, context: SigningContext): string[] {
  return checklistDefects(releaseChecklist(release, context));
}
