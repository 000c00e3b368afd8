import type { FormLanguage } from '../forms/form-template.entity.js';
import { describeScope } from '../revocations/revocations.service.js';
import type { RevocationEntity } from '../revocations/revocation.entity.js';

type Withdrawal = Pick<RevocationEntity, 'scopeKind' | 'channels' | 'photoIds' | 'releaseSeriesIds'>;

/** What the portal's overview says in the patient's language, beside the release's own sentences. */
export interface PortalWords {
  releaseClosing: string;
  narrowedOn: (day: string, withdrawal: Withdrawal) => string;
  revokedOn: (day: string) => string;
  /** A withdrawal, as a sentence. */
  withdrawal: (withdrawal: Withdrawal) => string;
  progress: (settled: number, all: number) => string;
  onClinicWebsite: string;
  post: (id: string) => string;
  campaign: (name: string) => string;
  printRun: (name: string) => string;
  patientRequester: string;
  guardianRequester: (name: string) => string;
  /** What the portal verified before someone could act, as a withdrawal's receipt states it. */
  portalIdentityCheck: Record<'patient' | 'guardian', string>;
  receiptSealReason: string;
}

function spanishWithdrawal(withdrawal: Withdrawal): string {
  const releases = withdrawal.releaseSeriesIds ? ' según las autorizaciones que indicó' : '';
  if (withdrawal.scopeKind === 'everything') {
    return `retiró su consentimiento a todo uso de sus fotografías${releases}`;
  }
  if (withdrawal.scopeKind === 'channels') {
    return `retiró su consentimiento al uso de sus fotografías en: ${(withdrawal.channels ?? []).join(', ')}${releases}`;
  }
  const count = withdrawal.photoIds?.length ?? 0;
  return `retiró ${count} fotografía${count === 1 ? '' : 's'} de todo uso`;
}

const capitalized = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

const WORDS: Record<FormLanguage, PortalWords> = {
  en: {
    releaseClosing:
      'You may withdraw it at any time; what was already done in reliance on it (such as brochures already ' +
      'handed out) cannot be undone.',
    narrowedOn: (day, withdrawal) => `On ${day} ${describeScope(withdrawal)}.`,
    revokedOn: (day) => `You withdrew this consent on ${day}: no new use is allowed.`,
    withdrawal: (withdrawal) => capitalized(describeScope(withdrawal)),
    progress: (settled, all) => `${settled} of ${all} done`,
    onClinicWebsite: 'On the clinic’s website',
    post: (id) => `post ${id}`,
    campaign: (name) => `campaign “${name}”`,
    printRun: (name) => `print run “${name}”`,
    patientRequester: 'The patient',
    guardianRequester: (name) => `${name}, the patient’s guardian`,
    portalIdentityCheck: {
      patient:
        'Signed in to the patient portal with a one-time link mailed to the patient’s email address on file, ' +
        'requested with the date of birth',
      guardian:
        'Signed in to the patient portal with a one-time link mailed to the guardian’s email address on file ' +
        '(the patient is a minor), requested with the patient’s date of birth',
    },
    receiptSealReason: 'Receipt of a withdrawal of consent',
  },
  es: {
    releaseClosing:
      'Puede retirarlo en cualquier momento; lo que ya se hizo confiando en él (como folletos ya repartidos) no ' +
      'se puede deshacer.',
    narrowedOn: (day, withdrawal) => `El ${day} ${spanishWithdrawal(withdrawal)}.`,
    revokedOn: (day) => `Retiró este consentimiento el ${day}: no se permite ningún uso nuevo.`,
    withdrawal: (withdrawal) => capitalized(spanishWithdrawal(withdrawal)),
    progress: (settled, all) => `${settled} de ${all} hechas`,
    onClinicWebsite: 'En el sitio web de la clínica',
    post: (id) => `publicación ${id}`,
    campaign: (name) => `campaña «${name}»`,
    printRun: (name) => `tirada «${name}»`,
    patientRequester: 'El paciente',
    guardianRequester: (name) => `${name}, tutor del paciente`,
    portalIdentityCheck: {
      patient:
        'Inicio de sesión en el portal del paciente con un enlace de un solo uso enviado al correo del paciente ' +
        'que consta en la clínica, pedido con la fecha de nacimiento',
      guardian:
        'Inicio de sesión en el portal del paciente con un enlace de un solo uso enviado al correo del tutor que ' +
        'consta en la clínica (el paciente es menor), pedido con la fecha de nacimiento del paciente',
    },
    receiptSealReason: 'Justificante de una retirada del consentimiento',
  },
};

export function portalWords(language: FormLanguage): PortalWords {
  return WORDS[language];
}
