import type { FormLanguage } from '../forms/form-template.entity.js';
import { labelledRows, newPdf, PAGE_MARGIN } from '../sealing/pdf-document.js';
import type { RenderedForm } from '../forms/release-form.js';
import type { SignatureDrawing } from './signature-drawing.js';

/** What the signature page states about the signing, beside the form's own hash. */
export interface SigningEvidence {
  signerName: string;
  /** Who the signer is to the patient, in the form's language ("the patient", "parent"). */
  signerCapacity: string;
  /** The guardian's attestation of their relationship and authority, as they affirmed it; null for the patient. */
  guardianAttestation: string | null;
  /** The staff member who watched the signing at the desk, or that nobody did. */
  witness: string;
  /** How the signer's identity was checked. */
  identityCheck: string;
  /** The database's time when the signature was accepted. */
  signedAt: Date;
  clientAddress: string | null;
  userAgent: string | null;
  templateId: string;
  templateVersion: number;
  signingRequestId: string;
}

const LABELS: Record<FormLanguage, Record<string, string>> = {
  en: {
    signature: 'Signature',
    record: 'Signature record',
    recordIntro:
      'This page records how the form above was signed. The document is sealed with the clinic’s digital ' +
      'certificate: a PDF reader shows whether anything in it changed after signing.',
    signer: 'Signed by',
    capacity: 'Signing as',
    attestation: 'Guardian’s attestation',
    witness: 'Witness',
    identity: 'Identity checked by',
    signedAt: 'Signed at (database time, UTC)',
    clientAddress: 'Device address',
    userAgent: 'Device and browser',
    formHash: 'SHA-256 of the form as shown',
    template: 'Form template',
    request: 'Signing request',
    consent: 'Consent to sign electronically',
    consentGiven: 'Given by the signer before signing',
    unknown: 'not known',
  },
  es: {
    signature: 'Firma',
    record: 'Registro de la firma',
    recordIntro:
      'Esta página registra cómo se firmó el formulario anterior. El documento está sellado con el certificado ' +
      'digital de la clínica: un lector de PDF muestra si algo cambió después de la firma.',
    signer: 'Firmado por',
    capacity: 'Firma como',
    attestation: 'Declaración del tutor',
    witness: 'Testigo',
    identity: 'Identidad comprobada mediante',
    signedAt: 'Fecha y hora de la firma (hora de la base de datos, UTC)',
    clientAddress: 'Dirección del dispositivo',
    userAgent: 'Dispositivo y navegador',
    formHash: 'SHA-256 del formulario mostrado',
    template: 'Plantilla del formulario',
    request: 'Solicitud de firma',
    consent: 'Consentimiento para firmar electrónicamente',
    consentGiven: 'Otorgado por el firmante antes de firmar',
    unknown: 'desconocido',
  },
};

const SIGNATURE_BOX = { width: 260, height: 90 };

/**
 * The signed form as a PDF: the form exactly as rendered, the signature as drawn (vector strokes),
 * and a signature page with the evidence of the signing. Not yet sealed.
 */
export function signedFormPdf(
  form: RenderedForm,
  drawing: SignatureDrawing,
  evidence: SigningEvidence,
): Promise<Buffer> {
  const labels = LABELS[form.language];
  const { doc, bytes } = newPdf(
    {
      Title: form.title,
      Author: form.clinicName,
      Subject: `${labels.formHash}: ${form.sha256}`,
      CreationDate: evidence.signedAt,
      ModDate: evidence.signedAt,
    },
    form.language,
  );
  doc.font('body').fontSize(9).fillColor('#444444').text(form.clinicName);
  doc.moveDown(0.5).font('bold').fontSize(17).fillColor('#000000').text(form.title);
  for (const section of form.sections) {
    doc.moveDown(0.8);
    if (section.heading) doc.font('bold').fontSize(11.5).text(section.heading).moveDown(0.2);
    for (const paragraph of section.paragraphs) doc.font('body').fontSize(10).text(paragraph, { paragraphGap: 4 });
  }

  if (doc.y + SIGNATURE_BOX.height + 60 > doc.page.height - PAGE_MARGIN) doc.addPage();
  doc.moveDown(1.2).font('bold').fontSize(11.5).text(labels.signature);
  drawSignature(doc, drawing, doc.page.margins.left, doc.y + 6);
  doc.y += SIGNATURE_BOX.height + 10;
  doc.font('body').fontSize(10).text(`${evidence.signerName} (${evidence.signerCapacity})`);
  doc.text(evidence.signedAt.toISOString());

  doc.addPage();
  doc.font('bold').fontSize(15).text(labels.record);
  doc.moveDown(0.4).font('body').fontSize(9.5).fillColor('#444444').text(labels.recordIntro).fillColor('#000000');
  const rows: [string, string][] = [
    [labels.signer, evidence.signerName],
    [labels.capacity, evidence.signerCapacity],
    ...(evidence.guardianAttestation ? [[labels.attestation, evidence.guardianAttestation] as [string, string]] : []),
    [labels.consent, labels.consentGiven],
    [labels.witness, evidence.witness],
    [labels.identity, evidence.identityCheck],
    [labels.signedAt, evidence.signedAt.toISOString()],
    [labels.clientAddress, evidence.clientAddress ?? labels.unknown],
    [labels.userAgent, evidence.userAgent ?? labels.unknown],
    [labels.formHash, form.sha256],
    [labels.template, `${evidence.templateId} (v${evidence.templateVersion}, ${form.language})`],
    [labels.request, evidence.signingRequestId],
  ];
  labelledRows(doc, rows);
  doc.end();
  return bytes;
}

/** The strokes scaled into the signature box, keeping their proportions, with a line beneath. */
function drawSignature(doc: PDFKit.PDFDocument, drawing: SignatureDrawing, left: number, top: number): void {
  const scale = Math.min(SIGNATURE_BOX.width / drawing.canvasWidth, SIGNATURE_BOX.height / drawing.canvasHeight);
  doc.save().lineWidth(1.4).lineCap('round').lineJoin('round').strokeColor('#0b1f4d');
  for (const stroke of drawing.strokes) {
    const point = (index: number): [number, number] => [left + stroke[index] * scale, top + stroke[index + 1] * scale];
    doc.moveTo(...point(0));
    // A stroke of one point is a dot: drawn as a tiny line, which the round cap makes round.
    if (stroke.length === 2) doc.lineTo(point(0)[0] + 0.1, point(0)[1]);
    for (let index = 2; index < stroke.length; index += 2) doc.lineTo(...point(index));
    doc.stroke();
  }
  doc.restore();
  doc
    .save()
    .lineWidth(0.6)
    .strokeColor('#888888')
    .moveTo(left, top + SIGNATURE_BOX.height)
    .lineTo(left + SIGNATURE_BOX.width, top + SIGNATURE_BOX.height)
    .stroke()
    .restore();
}
