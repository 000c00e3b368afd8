import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
// DejaVu Sans: one font file for the Latin, Greek and Cyrillic scripts patients' names are written in;
// pdfkit embeds only the glyphs used.
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const BOLD_FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

export const PAGE_MARGIN = 56;

/**
 * An A4 PDF the service makes, with its fonts registered as `body` and `bold`, and the bytes it
 * writes once `doc.end()` is called. Sealed afterwards by DocumentSealer.
 */
export function newPdf(
  info: PDFKit.DocumentInfo,
  language: string,
): { doc: PDFKit.PDFDocument; bytes: Promise<Buffer> } {
  const doc = new PDFDocument({ size: 'A4', margin: PAGE_MARGIN, info, lang: language });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', BOLD_FONT);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}

/** Label-and-value rows, each label in bold above its value. */
export function labelledRows(doc: PDFKit.PDFDocument, rows: [string, string][]): void {
  for (const [label, value] of rows) {
    doc.moveDown(0.6).font('bold').fontSize(9.5).text(label);
    doc.font('body').fontSize(10).text(value);
  }
}
