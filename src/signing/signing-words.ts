import type { FormLanguage } from '../forms/form-template.entity.js';
import { relationshipInWords } from '../forms/release-form.js';
import type { GuardianRelationship } from '../rights/guardian.js';

/** What the signing says in the signer's language: on the signature page, in the seal, in the copy's mail. */
export interface SigningWords {
  patient: string;
  guardian: (relationship: GuardianRelationship | undefined) => string;
  attestation: (relationship: GuardianRelationship | undefined, authority: string) => string;
  sealReason: (title: string) => string;
  /** The identity check and the witness, as the signature page states them. */
  atDesk: string;
  byLink: string;
  noWitness: (requestedBy: string) => string;
  linkSubject: string;
  linkBody: (patientName: string, url: string, until: string) => string;
  copySubject: string;
  copyFileName: string;
  copyBody: (patientName: string, day: string, releaseId: string) => string;
}

const WORDS: Record<FormLanguage, SigningWords> = {
  en: {
    patient: 'the patient',
    guardian: (relationship) => `${relationshipInWords('en', relationship ?? 'other')} of the patient`,
    attestation: (relationship, authority) =>
      `I affirm that I am the patient’s ${relationshipInWords('en', relationship ?? 'other')} and have authority to sign ` +
      `for them: ${authority}.`,
    sealReason: (title) => `Signed by the patient or their guardian: ${title}`,
    atDesk: 'Signed in person at the clinic, in the presence of the witness.',
    byLink: 'A one-time link mailed to the signer’s email address on file, opened with the patient’s date of birth.',
    noWitness: (requestedBy) => `None: signed on the signer’s own device (request sent by ${requestedBy}).`,
    linkSubject: 'A photo release for you to read and sign',
    linkBody: (patientName, url, until) =>
      [
        `The clinic asks you to read and sign a photo release for ${patientName}. Open this link to read it:`,
        '',
        url,
        '',
        `You will be asked for the patient’s date of birth. The link works until ${until}. Signing is your ` +
          'choice: treatment does not depend on it. If you did not expect this message, you can ignore it.',
      ].join('\n'),
    copySubject: 'Your signed photo release',
    copyFileName: 'signed-photo-release.pdf',
    copyBody: (patientName, day, releaseId) =>
      [
        `Dear ${patientName},`,
        '',
        `Attached is your copy of the photo release signed on ${day}. Keep it: it says which photographs the ` +
          'clinic may use, where and until when.',
        '',
        'You may revoke it at any time, in whole or in part, through your patient page or by writing to the clinic.',
        '',
        `Reference: ${releaseId}`,
      ].join('\n'),
  },
  es: {
    patient: 'el paciente',
    guardian: (relationship) => `${relationshipInWords('es', relationship ?? 'other')} del paciente`,
    attestation: (relationship, authority) =>
      `Declaro que soy ${relationshipInWords('es', relationship ?? 'other')} del paciente y que tengo autoridad para ` +
      `firmar en su nombre: ${authority}.`,
    sealReason: (title) => `Firmado por el paciente o su tutor: ${title}`,
    atDesk: 'Firmado en persona en la clínica, en presencia del testigo.',
    byLink:
      'Un enlace de un solo uso enviado al correo electrónico del firmante que consta en la clínica, abierto con ' +
      'la fecha de nacimiento del paciente.',
    noWitness: (requestedBy) =>
      `Ninguno: firmado en el dispositivo del firmante (solicitud enviada por ${requestedBy}).`,
    linkSubject: 'Una autorización de fotografías para leer y firmar',
    linkBody: (patientName, url, until) =>
      [
        `La clínica le pide leer y firmar una autorización de fotografías de ${patientName}. Abra este enlace para leerla:`,
        '',
        url,
        '',
        `Se le pedirá la fecha de nacimiento del paciente. El enlace funciona hasta el ${until}. Firmar es su ` +
          'decisión: el tratamiento no depende de ello. Si no esperaba este mensaje, puede ignorarlo.',
      ].join('\n'),
    copySubject: 'Su autorización de fotografías firmada',
    copyFileName: 'autorizacion-fotografias-firmada.pdf',
    copyBody: (patientName, day, releaseId) =>
      [
        `Estimado/a ${patientName}:`,
        '',
        `Adjuntamos su copia de la autorización de fotografías firmada el ${day}. Consérvela: indica qué ` +
          'fotografías puede usar la clínica, dónde y hasta cuándo.',
        '',
        'Puede revocarla en cualquier momento, total o parcialmente, desde su página de paciente o por escrito a la clínica.',
        '',
        `Referencia: ${releaseId}`,
      ].join('\n'),
  },
};

export function signingWords(language: FormLanguage): SigningWords {
  return WORDS[language];
}
