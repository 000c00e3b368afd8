import { createHash } from 'node:crypto';
import type { GuardianRelationship } from '../rights/guardian.js';
import type { FormLanguage, FormWording } from './form-template.entity.js';
import { expirySentence, scopeSentences, type ScopeToWord } from './scope-in-words.js';

// A release form as the patient reads it: the clinic's wording (a template version) around the
// parts the service fills in from the release's terms. The same rendering is shown on the screen the
// patient signs on and printed into the signed document, and its hash names exactly what was shown.

/** The terms of the release the form is for, as the front desk filled them in. */
export interface ReleaseFormTerms extends ScopeToWord {
  patientName: string;
  /** The covered treatment cases in words ("Rhinoplasty, 2026-02-01"); null when it covers all of them. */
  cases: string[] | null;
  informationDescription: string;
  disclosingParty: string;
  recipients: string;
  purpose: string;
  signer: { signerType: 'patient' } | { signerType: 'guardian'; fullName: string; relationship: GuardianRelationship };
}

export interface RenderedFormSection {
  heading: string;
  paragraphs: string[];
}

export interface RenderedForm {
  language: FormLanguage;
  clinicName: string;
  title: string;
  sections: RenderedFormSection[];
  /** SHA-256 (hex) of the form as rendered: what the patient was shown. */
  sha256: string;
}

const HEADINGS: Record<FormLanguage, Record<string, string>> = {
  en: {
    patient: 'Patient',
    photographs: 'The photographs',
    parties: 'Who discloses them and who receives them',
    purpose: 'Purpose',
    use: 'Where and how they may be used',
    until: 'Until when',
    rights: 'Your rights',
    electronic: 'Signing electronically',
  },
  es: {
    patient: 'Paciente',
    photographs: 'Las fotografías',
    parties: 'Quién las divulga y quién las recibe',
    purpose: 'Finalidad',
    use: 'Dónde y cómo pueden usarse',
    until: 'Hasta cuándo',
    rights: 'Sus derechos',
    electronic: 'Firma electrónica',
  },
};

/** A guardian's relationship to the patient, in the form's words. */
export function relationshipInWords(language: FormLanguage, relationship: GuardianRelationship): string {
  return WORDS.relationships[language][relationship];
}

const WORDS = {
  allCases: {
    en: 'Covers the photographs of every treatment at the clinic.',
    es: 'Abarca las fotografías de todos los tratamientos en la clínica.',
  },
  someCases: { en: 'Covers the photographs of:', es: 'Abarca las fotografías de:' },
  discloses: {
    en: (from: string, to: string) => `${from} discloses them to: ${to}.`,
    es: (from: string, to: string) => `${from} las divulga a: ${to}.`,
  },
  signsForPatient: {
    en: (name: string, relationship: string) => `Signed for the patient by ${name} (${relationship}).`,
    es: (name: string, relationship: string) => `Firmado en nombre del paciente por ${name} (${relationship}).`,
  },
  relationships: {
    en: {
      parent: 'parent',
      legal_guardian: 'legal guardian',
      healthcare_agent: 'healthcare agent',
      other: 'representative',
    },
    es: {
      parent: 'padre o madre',
      legal_guardian: 'tutor legal',
      healthcare_agent: 'apoderado de salud',
      other: 'representante',
    },
  },
} as const;

/** Renders the form in `language`, which the template must be worded in. */
export function renderReleaseForm(
  template: { clinicName: string; wording: Partial<Record<FormLanguage, FormWording>> },
  language: FormLanguage,
  terms: ReleaseFormTerms,
  timeZone: string,
): RenderedForm {
  const wording = template.wording[language];
  if (!wording) throw new Error(`The template is not worded in ${language}`);
  const heading = HEADINGS[language];
  const sections: RenderedFormSection[] = [
    { heading: '', paragraphs: [wording.introduction] },
    {
      heading: heading.patient,
      paragraphs: [
        terms.patientName,
        ...(terms.signer.signerType === 'guardian'
          ? [
              WORDS.signsForPatient[language](
                terms.signer.fullName,
                WORDS.relationships[language][terms.signer.relationship],
              ),
            ]
          : []),
      ],
    },
    {
      heading: heading.photographs,
      paragraphs: [
        terms.informationDescription,
        ...(terms.cases === null ? [WORDS.allCases[language]] : [WORDS.someCases[language], ...terms.cases]),
      ],
    },
    { heading: heading.parties, paragraphs: [WORDS.discloses[language](terms.disclosingParty, terms.recipients)] },
    { heading: heading.purpose, paragraphs: [terms.purpose] },
    { heading: heading.use, paragraphs: scopeSentences(terms, language) },
    { heading: heading.until, paragraphs: [expirySentence(terms, language, timeZone)] },
    {
      heading: heading.rights,
      paragraphs: [wording.rightToRevoke, wording.treatmentNotConditioned, wording.redisclosure],
    },
    { heading: heading.electronic, paragraphs: [wording.electronicSignatureDisclosure] },
    ...(wording.closing ? [{ heading: '', paragraphs: [wording.closing] }] : []),
  ];
  const shown = { language, clinicName: template.clinicName, title: wording.title, sections };
  return { ...shown, sha256: createHash('sha256').update(JSON.stringify(shown)).digest('hex') };
}
