import { arch, availableParallelism, platform } from 'node:os';
import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import { SystemClock } from '../src/common/clock.js';
import { loadConfig } from '../src/config/app-config.js';
import type { FormWording } from '../src/forms/form-template.entity.js';
import { renderReleaseForm, type ReleaseFormTerms } from '../src/forms/release-form.js';
import { DocumentSealer } from '../src/sealing/document-sealer.js';
import { signedFormPdf } from '../src/signing/signed-form-pdf.js';
import { median, positiveInteger, table } from './support.js';

// Signing benchmark: milliseconds to render a release form from its terms, lay it out as the
// signed PDF (form, drawn signature, signature page) and seal it (PAdES, RSA-2048), in process,
// against a bare baseline in the same run: pdfkit writing one page of text, unsealed. The goal is
// a median of 300 ms or less for render + PDF + seal. Build first (npx tsc -p tsconfig.json), then:
// node dist/bench/signing.js (BENCH_RUNS to change the count). See bench/README.md.

const RUNS = positiveInteger(process.env.BENCH_RUNS, 60);
const WARM_UP = 5;
const GOAL_MS = 300;

/** Wording of the length of the template the service ships: a paragraph of about 60 words each. */
const paragraph = (topic: string) =>
  `${topic}. `.concat(
    'The clinic may use the photographs only as this form allows, and you may change your mind at any time. '.repeat(4),
  );
const WORDING: FormWording = {
  title: 'Authorization to use photographs of my treatment',
  introduction: paragraph('Introduction'),
  rightToRevoke: paragraph('Your right to revoke'),
  treatmentNotConditioned: paragraph('Treatment does not depend on signing'),
  redisclosure: paragraph('Redisclosure'),
  electronicSignatureDisclosure: paragraph('Signing electronically'),
  closing: null,
};

const TERMS: ReleaseFormTerms = {
  channels: ['website', 'social.instagram', 'print'],
  deniedChannels: ['social.tiktok'],
  faceAllowed: false,
  obscureIdentifyingMarks: true,
  nameAllowed: false,
  paidAdvertisingAllowed: false,
  educationalUseAllowed: true,
  expiresAt: new Date('2031-03-01T00:00:00Z'),
  expirationEvent: null,
  patientName: 'Zoë Ångström',
  cases: ['Rhinoplasty, 2026-02-01', 'Blepharoplasty, 2026-05-14'],
  informationDescription: 'Before, after and progress photographs of the covered treatments.',
  disclosingParty: 'Riverside Aesthetics',
  recipients: 'Visitors of the clinic website and its Instagram account; readers of its printed brochure',
  purpose: 'Showing the results of the treatment',
  signer: { signerType: 'patient' },
};

/** A signature of six strokes, 600 points in all, on a 600 × 200 canvas. */
const DRAWING = {
  canvasWidth: 600,
  canvasHeight: 200,
  strokes: Array.from({ length: 6 }, (_, stroke) =>
    Array.from({ length: 100 }, (_, index) => [
      40 + stroke * 85 + index * 0.8,
      100 + Math.sin((index + stroke * 13) / 7) * 60,
    ]).flat(),
  ),
};

function barePdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56 });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.fontSize(10).text(paragraph('A page of text'));
  doc.end();
  return done;
}

async function time(work: () => Promise<unknown>): Promise<number[]> {
  for (let run = 0; run < WARM_UP; run += 1) await work();
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times;
}

const sealer = new DocumentSealer(loadConfig({}, null), new SystemClock());
const template = { clinicName: 'Riverside Aesthetics', wording: { en: WORDING } };
const evidence = {
  signerName: 'Zoë Ångström',
  signerCapacity: 'the patient',
  guardianAttestation: null,
  witness: 'Front Desk',
  identityCheck: 'Signed in person at the clinic, in the presence of the witness.',
  signedAt: new Date(),
  clientAddress: '192.0.2.10',
  userAgent: 'Mozilla/5.0 (iPad; CPU OS 18_0 like Mac OS X)',
  templateId: '7e3c1f52-4b8a-4d2e-9a61-0c5d2f7b8e14',
  templateVersion: 1,
  signingRequestId: '9ac78bf3-16c2-4474-9db9-ebf76d762da7',
};
const render = () => renderReleaseForm(template, 'en', TERMS, 'America/New_York');
const pdf = () => signedFormPdf(render(), DRAWING, evidence);
const sealed = async () =>
  sealer.seal(await pdf(), { reason: 'Signed', location: 'Riverside Aesthetics', signingTime: new Date() });

const rows: [string, number[]][] = [
  ['bare: pdfkit, one page of text, unsealed', await time(barePdf)],
  ['render the form (terms to sections, SHA-256)', await time(async () => render())],
  ['render + lay out the signed PDF', await time(pdf)],
  ['render + PDF + PAdES seal (the signature)', await time(sealed)],
];
const bare = median(rows[0][1]);
const size = (await sealed()).length;
console.log(
  `signing benchmark: ${RUNS} runs each after ${WARM_UP} warm-up, ${platform()} ${arch()}, ` +
    `${availableParallelism()} cores, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
);
console.log(
  table([
    ['step', 'median ms', 'p90 ms', 'x bare'],
    ...rows.map(([label, times]) => {
      const sorted = [...times].sort((a, b) => a - b);
      return [
        label,
        median(times).toFixed(2),
        (sorted[Math.floor(sorted.length * 0.9)] ?? NaN).toFixed(2),
        `${(median(times) / bare).toFixed(1)}x`,
      ];
    }),
  ]),
);
const signing = median(rows[3][1]);
console.log(
  `sealed PDF: ${(size / 1024).toFixed(0)} KiB; goal: render + PDF + seal <= ${GOAL_MS} ms at the median: ` +
    `${signing.toFixed(1)} ms, ${signing <= GOAL_MS ? 'met' : 'NOT met'}`,
);
