import type { GuardianRelationship } from '../rights/guardian.js';
import type { ReleaseEntity } from './release.entity.js';
import type { ReleaseStanding } from '../rights/release-standing.js';

// HL7 FHIR R4 code systems this mapping uses.
export const FHIR_SYSTEMS = {
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
  loinc: 'http://loinc.org',
  consentPolicy: 'http://terminology.hl7.org/CodeSystem/consentpolicycodes',
  consentAction: 'http://terminology.hl7.org/CodeSystem/consentaction',
  actReason: 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
  participationType: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
  roleCode: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
  resourceTypes: 'http://hl7.org/fhir/resource-types',
  // The service's own systems, for what FHIR has no codes for.
  channel: 'urn:photo-consent:fhir:channel',
  depiction: 'urn:photo-consent:fhir:depiction',
  use: 'urn:photo-consent:fhir:use',
  identifier: 'urn:ietf:rfc:3986',
} as const;

const SHA256_EXTENSION = 'urn:photo-consent:fhir:StructureDefinition/attachment-sha256';
const HIPAA_AUTHORIZATION_RULE = 'https://www.ecfr.gov/current/title-45/section-164.508';

const ROLE_CODES: Record<GuardianRelationship, { code: string; display: string } | null> = {
  parent: { code: 'PRN', display: 'parent' },
  legal_guardian: { code: 'GUARD', display: 'guardian' },
  healthcare_agent: { code: 'HPOWATT', display: 'healthcare power of attorney' },
  other: null,
};

interface Coding {
  system: string;
  code: string;
  display?: string;
}

interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

interface Reference {
  reference?: string;
  identifier?: { system: string; value: string };
  display?: string;
}

interface Provision {
  type: 'permit' | 'deny';
  period?: { start?: string; end?: string };
  actor?: { role: CodeableConcept; reference: Reference }[];
  action?: CodeableConcept[];
  purpose?: Coding[];
  class?: Coding[];
  code?: CodeableConcept[];
  data?: { meaning: 'instance' | 'related' | 'dependents' | 'authoredby'; reference: Reference }[];
  provision?: Provision[];
}

export interface FhirConsent {
  resourceType: 'Consent';
  id: string;
  meta: { versionId: string; lastUpdated: string };
  contained?: Record<string, unknown>[];
  identifier: { system: string; value: string }[];
  status: 'active' | 'inactive';
  scope: CodeableConcept;
  category: CodeableConcept[];
  patient: Reference;
  dateTime: string;
  performer: Reference[];
  sourceAttachment: {
    contentType: string;
    url: string;
    size: number;
    hash: string;
    title: string;
    extension: { url: string; valueString: string }[];
  };
  policy: { uri: string }[];
  policyRule: CodeableConcept;
  provision: Provision;
}

export interface FhirContext {
  patientCode: string;
  caseIds: string[];
  documentUrl: string;
  /**
   * Where the version stands now, as the clearance rule judges it: active only while in force
   * (narrowed or not); each withdrawal that narrows it is a deny provision.
   */
  standing: ReleaseStanding;
}

const recipient = (channel: string) => ({
  role: { coding: [{ system: FHIR_SYSTEMS.participationType, code: 'IRCP', display: 'information recipient' }] },
  reference: { identifier: { system: FHIR_SYSTEMS.channel, value: channel }, display: channel },
});

/**
 * The release version as an HL7 FHIR R4 Consent: a permit provision for the granted channels and
 * period, with nested deny provisions for each excluded channel and for what may not be shown
 * (face, name, unobscured marks) or done (paid advertising, educational use). A guardian who
 * signed is a contained RelatedPerson and the performer. The patient's revocations count as the
 * clearance rule counts them: one of everything makes the consent inactive; a revocation of
 * channels or a withdrawal of photos is a deny provision from the day it was received. A version
 * the rule counts as defective is inactive too: it is not enforced as a consent.
 */
export function toFhirConsent(release: ReleaseEntity, context: FhirContext): FhirConsent {
  const denials: Provision[] = release.deniedChannels.map((channel) => ({ type: 'deny', actor: [recipient(channel)] }));
  const depiction = (code: string, display: string): Provision => ({
    type: 'deny',
    code: [{ coding: [{ system: FHIR_SYSTEMS.depiction, code, display }] }],
  });
  const use = (code: string, display: string): Provision => ({
    type: 'deny',
    purpose: [{ system: FHIR_SYSTEMS.use, code, display }],
  });
  if (!release.faceAllowed) denials.push(depiction('face', 'Face shown'));
  if (!release.nameAllowed) denials.push(depiction('name', 'Name shown'));
  if (release.obscureIdentifyingMarks) denials.push(depiction('unobscured-marks', 'Identifying marks not obscured'));
  if (!release.paidAdvertisingAllowed) denials.push(use('paid-advertising', 'Paid advertising'));
  if (!release.educationalUseAllowed) denials.push(use('educational', 'Educational use'));
  for (const narrowing of context.standing.narrowings) {
    const since = { start: narrowing.receivedAt.toISOString() };
    if (narrowing.kind === 'channels') {
      denials.push({ type: 'deny', period: since, actor: narrowing.channels.map(recipient) });
    } else {
      denials.push({
        type: 'deny',
        period: since,
        data: narrowing.photoIds.map((id) => ({ meaning: 'instance', reference: { reference: `Media/${id}` } })),
      });
    }
  }

  const guardian = release.signerType === 'guardian';
  const roleCode = release.signerRelationship ? ROLE_CODES[release.signerRelationship] : null;
  const patientReference = `Patient/${release.patientId}`;
  return {
    resourceType: 'Consent',
    id: release.id,
    meta: { versionId: String(release.version), lastUpdated: release.createdAt.toISOString() },
    ...(guardian
      ? {
          contained: [
            {
              resourceType: 'RelatedPerson',
              id: 'signer',
              patient: { reference: patientReference },
              relationship: [
                {
                  ...(roleCode ? { coding: [{ system: FHIR_SYSTEMS.roleCode, ...roleCode }] } : {}),
                  text: release.signerAuthority ?? release.signerRelationship ?? 'guardian',
                },
              ],
              name: [{ text: release.signerFullName }],
            },
          ],
        }
      : {}),
    identifier: [{ system: FHIR_SYSTEMS.identifier, value: `urn:uuid:${release.seriesId}` }],
    status: context.standing.state === 'in_force' || context.standing.state === 'narrowed' ? 'active' : 'inactive',
    scope: { coding: [{ system: FHIR_SYSTEMS.consentScope, code: 'patient-privacy', display: 'Privacy Consent' }] },
    category: [
      { coding: [{ system: FHIR_SYSTEMS.loinc, code: '64292-6', display: 'Release of information consent' }] },
    ],
    patient: { reference: patientReference, display: context.patientCode },
    dateTime: release.signedAt.toISOString(),
    performer: [guardian ? { reference: '#signer' } : { reference: patientReference }],
    sourceAttachment: {
      contentType: release.documentContentType,
      url: context.documentUrl,
      size: release.documentBytes,
      hash: Buffer.from(release.documentSha1, 'hex').toString('base64'),
      title: `Signed photo release, ${release.formTemplate} ${release.formVersion}`,
      extension: [{ url: SHA256_EXTENSION, valueString: release.documentSha256 }],
    },
    policy: [{ uri: HIPAA_AUTHORIZATION_RULE }],
    policyRule: {
      coding: [{ system: FHIR_SYSTEMS.consentPolicy, code: 'hipaa-auth', display: 'HIPAA Authorization' }],
    },
    provision: {
      type: 'permit',
      period: {
        start: release.signedAt.toISOString(),
        ...(release.expiresAt ? { end: release.expiresAt.toISOString() } : {}),
      },
      actor: release.channels.map(recipient),
      action: [{ coding: [{ system: FHIR_SYSTEMS.consentAction, code: 'disclose', display: 'Disclose' }] }],
      purpose: [{ system: FHIR_SYSTEMS.actReason, code: 'HMARKT', display: 'healthcare marketing' }],
      class: [{ system: FHIR_SYSTEMS.resourceTypes, code: 'Media' }],
      ...(release.coversAllCases
        ? {}
        : {
            data: context.caseIds.map((id) => ({
              meaning: 'related' as const,
              reference: { reference: `EpisodeOfCare/${id}` },
            })),
          }),
      ...(denials.length > 0 ? { provision: denials } : {}),
    },
  };
}
