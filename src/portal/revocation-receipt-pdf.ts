import type { FormLanguage } from '../forms/form-template.entity.js';
import { labelledRows, newPdf } from '../sealing/pdf-document.js';

const WORDS = {
  en: {
    title: 'Receipt: withdrawal of consent to use photographs',
    introduction: (days: number) =>
      'The clinic received this withdrawal through the patient portal. It took effect when it was received: ' +
      'from then on nothing it covers may be used again. Where photographs it covers were already published, ' +
      `the clinic takes them down within ${days} days and writes to you when it is done. A withdrawal does not ` +
      'undo a use made before it was received.',
    patient: 'Patient',
    requestedBy: 'Requested by',
    withdrawn: 'What was withdrawn',
    tookEffect: 'Took effect at (UTC)',
    recordedAt: 'Recorded by the database at (UTC)',
    identity: 'Identity checked by',
    address: 'Device address',
    browser: 'Device and browser',
    reference: 'Reference',
    unknown: 'not known',
    sealed:
      'This receipt is sealed with the clinic’s digital certificate: a PDF reader shows whether anything in it ' +
      'changed after it was made.',
  },
  es: {
    title: 'Justificante: retirada del consentimiento para usar fotografías',
    introduction: (days: number) =>
      'La clínica recibió esta retirada desde el portal del paciente. Tuvo efecto al recibirse: desde entonces ' +
      'no puede volver a usarse nada de lo que abarca. Donde ya se habían publicado fotografías que abarca, la ' +
      `clínica las retira en un plazo de ${days} días y le escribe cuando termina. Una retirada no deshace un ` +
      'uso hecho antes de recibirla.',
    patient: 'Paciente',
    requestedBy: 'Solicitado por',
    withdrawn: 'Lo que se retiró',
    tookEffect: 'Tuvo efecto el (UTC)',
    recordedAt: 'Registrado por la base de datos el (UTC)',
    identity: 'Identidad comprobada mediante',
    address: 'Dirección del dispositivo',
    browser: 'Dispositivo y navegador',
    reference: 'Referencia',
    unknown: 'desconocido',
    sealed:
      'Este justificante está sellado con el certificado digital de la clínica: un lector de PDF muestra si algo ' +
      'cambió después de hacerlo.',
  },
} as const;

/** What a portal withdrawal's receipt states. */
export interface RevocationReceipt {
  language: FormLanguage;
  clinicName: string;
  revocationId: string;
  patientName: string;
  /** Who asked: the patient, or their guardian by name. */
  requestedBy: string;
  /** What was withdrawn, in plain words. */
  inWords: string;
  receivedAt: Date;
  /** The database's time when the receipt was made. */
  recordedAt: Date;
  identityCheck: string;
  clientAddress: string | null;
  userAgent: string | null;
  removalDeadlineDays: number;
}

/**
 * The receipt of a withdrawal made in the patient portal, as a PDF to be sealed with the clinic's
 * certificate: what was withdrawn, when it took effect, how the requester was known, and what
 * happens next. The patient keeps it; the clinic stores it as the revocation's document.
 */
export function revocationReceiptPdf(receipt: RevocationReceipt): Promise<Buffer> {
  const words = WORDS[receipt.language];
  const { doc, bytes } = newPdf(
    {
      Title: words.title,
      Author: receipt.clinicName,
      Subject: `${words.reference}: ${receipt.revocationId}`,
      CreationDate: receipt.recordedAt,
      ModDate: receipt.recordedAt,
    },
    receipt.language,
  );
  doc.font('body').fontSize(9).fillColor('#444444').text(receipt.clinicName).fillColor('#000000');
  doc.moveDown(0.5).font('bold').fontSize(17).text(words.title);
  doc.moveDown(0.6).font('body').fontSize(10.5).text(words.introduction(receipt.removalDeadlineDays));
  labelledRows(doc, [
    [words.patient, receipt.patientName],
    [words.requestedBy, receipt.requestedBy],
    [words.withdrawn, receipt.inWords],
    [words.tookEffect, receipt.receivedAt.toISOString()],
    [words.recordedAt, receipt.recordedAt.toISOString()],
    [words.identity, receipt.identityCheck],
    [words.address, receipt.clientAddress ?? words.unknown],
    [words.browser, receipt.userAgent ?? words.unknown],
    [words.reference, receipt.revocationId],
  ]);
  doc.moveDown(1.2).font('body').fontSize(9).fillColor('#444444').text(words.sealed);
  doc.end();
  return bytes;
}
