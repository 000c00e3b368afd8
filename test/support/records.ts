import assert from 'node:assert/strict';
import request from 'supertest';
import { ObjectStore } from '../../src/storage/object-store.js';
import type { TestApp } from './app.js';
import type { SignedInStaff } from './staff.js';

export interface Counts {
  patients: number;
  cases: number;
  photos: number;
  releases: number;
  releaseCases: number;
  objects: number;
}

/** Rows of every front-desk table and objects in the store: what bad input must leave unchanged. */
export async function counts(t: TestApp): Promise<Counts> {
  const [row] = await t.database.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM patients) AS patients, (SELECT count(*) FROM treatment_cases) AS cases,
            (SELECT count(*) FROM photos) AS photos, (SELECT count(*) FROM releases) AS releases,
            (SELECT count(*) FROM release_cases) AS release_cases`,
  );
  let objects = 0;
  for await (const object of t.app.get(ObjectStore).list('')) if (object.key) objects += 1;
  return {
    patients: Number(row?.patients),
    cases: Number(row?.cases),
    photos: Number(row?.photos),
    releases: Number(row?.releases),
    releaseCases: Number(row?.release_cases),
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
