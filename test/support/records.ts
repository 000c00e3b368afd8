import assert from 'node:assert/strict';
import request from 'supertest';
import { ObjectStore } from '../../src/storage/object-store.js';
import type { TestApp } from './app.js';
import { jpegPhoto, signedFormPdf } from './images.js';
import type { SignedInStaff } from './staff.js';

export interface Counts {
  patients: number;
  cases: number;
  photos: number;
  releases: number;
  releaseCases: number;
  fingerprints: number;
  revocations: number;
  removalCases: number;
  removalTasks: number;
  idempotentRequests: number;
  outboxMessages: number;
  /** pg-boss jobs: a refused request schedules nothing. */
  jobs: number;
  objects: number;
}

/** Rows of every front-desk table and objects in the store: what bad input must leave unchanged. */
export async function counts(t: TestApp): Promise<Counts> {
  const [row] = await t.database.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM patients) AS patients, (SELECT count(*) FROM treatment_cases) AS cases,
            (SELECT count(*) FROM photos) AS photos, (SELECT count(*) FROM releases) AS releases,
            (SELECT count(*) FROM release_cases) AS release_cases,
            (SELECT count(*) FROM photo_fingerprints) AS fingerprints,
            (SELECT count(*) FROM revocations) AS revocations, (SELECT count(*) FROM removal_cases) AS removal_cases,
            (SELECT count(*) FROM removal_tasks) AS removal_tasks,
            (SELECT count(*) FROM idempotent_requests) AS idempotent_requests,
            (SELECT count(*) FROM outbox_messages) AS outbox_messages, (SELECT count(*) FROM pgboss.job) AS jobs`,
  );
  let objects = 0;
  for await (const object of t.app.get(ObjectStore).list('')) if (object.key) objects += 1;
  return {
    patients: Number(row?.patients),
    cases: Number(row?.cases),
    photos: Number(row?.photos),
    releases: Number(row?.releases),
    releaseCases: Number(row?.release_cases),
    fingerprints: Number(row?.fingerprints),
    revocations: Number(row?.revocations),
    removalCases: Number(row?.removal_cases),
    removalTasks: Number(row?.removal_tasks),
    idempotentRequests: Number(row?.idempotent_requests),
    outboxMessages: Number(row?.outbox_messages),
    jobs: Number(row?.jobs),
    objects,
  };
}

let patientCounter = 0;

/** An adult patient made through the API. */
export async function createPatient(
  t: TestApp,
  staff: SignedInStaff,
  fields: Record<string, unknown> = {},
): Promise<{ id: string; code: string }> {
  patientCounter += 1;
  const response = await request(t.server)
    .post('/api/v1/patients')
    .auth(staff.token, { type: 'bearer' })
    .send({ fullName: `Patient Number${patientCounter}`, dateOfBirth: '1985-06-15', ...fields });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return { id: response.body.id as string, code: response.body.code as string };
}

export async function createCase(t: TestApp, staff: SignedInStaff, patientId: string): Promise<string> {
  const response = await request(t.server)
    .post(`/api/v1/patients/${patientId}/cases`)
    .auth(staff.token, { type: 'bearer' })
    .send({ procedure: 'Rhinoplasty', provider: 'Dr. A. Smith', treatmentDate: '2026-02-01' });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return response.body.id as string;
}

export interface FilePart {
  bytes: Buffer;
  filename?: string;
  contentType?: string;
}

/** A multipart POST with `metadata` as JSON and one file part. */
export function postForm(
  t: TestApp,
  staff: SignedInStaff,
  path: string,
  fileField: string,
  file: FilePart | null,
  metadata: unknown,
) {
  const call = request(t.server).post(path).auth(staff.token, { type: 'bearer' });
  if (metadata !== undefined)
    call.field('metadata', typeof metadata === 'string' ? metadata : JSON.stringify(metadata));
  if (file) {
    call.attach(fileField, file.bytes, {
      filename: file.filename ?? 'upload.bin',
      contentType: file.contentType ?? 'application/octet-stream',
    });
  }
  return call;
}

// The test clock reads 2026-03-02T09:00:00Z.
export const SCOPE = {
  channels: ['website', 'social'],
  deniedChannels: ['social.tiktok'],
  faceAllowed: false,
  obscureIdentifyingMarks: true,
  paidAdvertisingAllowed: false,
  educationalUseAllowed: true,
};

/** The terms of a release form as the front desk fills them in (a template and language besides). */
export const RELEASE_FORM_TERMS = {
  coversAllCases: true,
  signedBy: { signerType: 'patient' },
  informationDescription: 'Before and after photographs of the rhinoplasty.',
  disclosingParty: 'Riverside Aesthetics',
  recipients: 'Visitors of the clinic website',
  purpose: 'Showing the results of the treatment',
  expiresAt: '2031-03-01T00:00:00Z',
  scope: SCOPE,
};

/** The fields of a complete release signed the day before the test clock's time. */
export function releaseFields(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    coversAllCases: true,
    signedAt: '2026-03-01T15:30:00Z',
    signedBy: { signerType: 'patient' },
    formTemplate: 'Photo release (website and social)',
    formVersion: '2026-01',
    informationDescription: 'Before, after and progress photographs of the covered treatment.',
    disclosingParty: 'Riverside Aesthetics',
    recipients: 'Visitors of the clinic website and social media accounts',
    purpose: 'Marketing of the clinic’s services',
    expiresAt: '2031-03-01T00:00:00Z',
    rightToRevokeStatement: true,
    redisclosureStatement: true,
    conditioningStatement: true,
    treatmentConditionedOnSigning: false,
    copyProvidedToSigner: true,
    scope: SCOPE,
    ...overrides,
  };
}

/** A release recorded through the API with a signed form; returns its id. */
export async function createRelease(
  t: TestApp,
  staff: SignedInStaff,
  patientId: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const form = { bytes: signedFormPdf(), filename: 'release.pdf', contentType: 'application/pdf' };
  const response = await postForm(
    t,
    staff,
    `/api/v1/patients/${patientId}/releases`,
    'document',
    form,
    releaseFields(overrides),
  );
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return response.body.id as string;
}

/**
 * Narrows a release to social media only through an instance whose clock runs `aheadMs` ahead of
 * this app's: the new version is signed, and the old one superseded, at what is still the future
 * here. The app's clock is set back afterwards. Returns the new version's id.
 */
export async function narrowToSocialFromAhead(
  t: TestApp,
  staff: SignedInStaff,
  releaseId: string,
  aheadMs: number,
): Promise<string> {
  const ownClock = t.clock.now();
  t.clock.advance(aheadMs);
  try {
    const narrowed = await postForm(
      t,
      staff,
      `/api/v1/releases/${releaseId}/amendments`,
      'document',
      { bytes: signedFormPdf('social only'), filename: 'narrowed.pdf', contentType: 'application/pdf' },
      { reason: 'No website.', signedAt: t.clock.now().toISOString(), scope: { ...SCOPE, channels: ['social'] } },
    );
    assert.equal(narrowed.status, 201, JSON.stringify(narrowed.body));
    return narrowed.body.id as string;
  } finally {
    t.clock.set(ownClock);
  }
}

let photoSeed = 100;

/** A photo uploaded through the API (a different image each time); returns its id. */
export async function uploadPhoto(
  t: TestApp,
  staff: SignedInStaff,
  caseId: string,
  metadata: Record<string, unknown> = {},
  bytes?: Buffer,
): Promise<string> {
  const file = {
    bytes: bytes ?? (await jpegPhoto({ seed: ++photoSeed })),
    filename: 'photo.jpg',
    contentType: 'image/jpeg',
  };
  const response = await postForm(t, staff, `/api/v1/cases/${caseId}/photos`, 'file', file, {
    kind: 'before',
    faceVisible: false,
    ...metadata,
  });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return response.body.id as string;
}

type BodyParser = Extract<Parameters<request.Test['parse']>[0], (response: never, done: never) => void>;

/** Supertest's parser for a binary body: the bytes as they came. */
export const collectBytes: BodyParser = (response, done) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
};

/** What runs SQL with parameters and answers the rows: a test database, or a DataSource wrapped. */
export interface Queryable {
  query<Row extends Record<string, unknown>>(sql: string, parameters?: unknown[]): Promise<Row[]>;
}

/**
 * Copies of photo rows straight in SQL, for a library of thousands without thousands of uploads:
 * `copies` of each row `where` selects (`$1`… its `parameters`), each with a new id and original hash,
 * unpaired, sharing the source's patient, case and stored renditions. `set` gives columns SQL of
 * their own (the source row is `p`, the copy's number `n`); by default a copy is `n` seconds older.
 * Answers the new ids.
 */
export async function copyPhotoRows(
  database: Queryable,
  options: { copies: number; where?: string; parameters?: unknown[]; set?: Record<string, string> },
): Promise<string[]> {
  const columns = (
    await database.query<{ column_name: string }>(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'photos' ORDER BY ordinal_position",
    )
  ).map((row) => row.column_name);
  const set: Record<string, string> = {
    id: 'gen_random_uuid()',
    original_sha256: 'md5(random()::text) || md5(random()::text)',
    paired_photo_id: 'NULL',
    created_at: "p.created_at - n * interval '1 second'",
    ...options.set,
  };
  const rows = await database.query<{ id: string }>(
    `INSERT INTO photos (${columns.join(', ')})
     SELECT ${columns.map((column) => set[column] ?? `p.${column}`).join(', ')}
       FROM photos p CROSS JOIN generate_series(1, ${Math.max(0, Math.floor(options.copies))}) AS n
      ${options.where ? `WHERE ${options.where}` : ''}
     RETURNING id`,
    options.parameters ?? [],
  );
  return rows.map((row) => row.id);
}
