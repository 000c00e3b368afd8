import { labelledRows, newPdf } from '../sealing/pdf-document.js';

/** What a portal withdrawal's receipt states. */
export interface RevocationReceipt {
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
  const { doc, bytes } = newPdf(
    {
      Title: 'Receipt: withdrawal of consent to use photographs',
      Author: receipt.clinicName,
      Subject: `Revocation ${receipt.revocationId}`,
      CreationDate: receipt.recordedAt,
      ModDate: receipt.recordedAt,
    },
    'en',
  );
  doc.font('body').fontSize(9).fillColor('#444444').text(receipt.clinicName).fillColor('#000000');
  doc.moveDown(0.5).font('bold').fontSize(17).text('Receipt: withdrawal of consent to use photographs');
  doc
    .moveDown(0.6)
    .font('body')
    .fontSize(10.5)
    .text(
      `The clinic received this withdrawal through the patient portal. It took effect when it was received: ` +
        `from then on nothing it covers may be used again. Where photographs it covers were already published, ` +
        `the clinic takes them down within ${receipt.removalDeadlineDays} days and writes to you when it is done. ` +
        'A withdrawal does not undo a use made before it was received.',
    );
  labelledRows(doc, [
    ['Patient', receipt.patientName],
    ['Requested by', receipt.requestedBy],
    ['What was withdrawn', receipt.inWords],
    ['Took effect at (UTC)', receipt.receivedAt.toISOString()],
    ['Recorded by the database at (UTC)', receipt.recordedAt.toISOString()],
    ['Identity checked by', receipt.identityCheck],
    ['Device address', receipt.clientAddress ?? 'not known'],
    ['Device and browser', receipt.userAgent ?? 'not known'],
    ['Reference', receipt.revocationId],
  ]);
  doc
    .moveDown(1.2)
    .font('body')
    .fontSize(9)
    .fillColor('#444444')
    .text(
      'This receipt is sealed with the clinic’s digital certificate: a PDF reader shows whether anything in it ' +
        'changed after it was made.',
    );
  doc.end();
  return bytes;
}
