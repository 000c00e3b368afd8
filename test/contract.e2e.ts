import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import request from 'supertest';
import { createApiClient, multipartBody, type components } from '../web/src/api/client.js';
import { startTestApp, type TestApp } from './support/app.js';
import { signedFormPdf } from './support/images.js';
import { releaseFields } from './support/records.js';
import { createSignedIn, type SignedInStaff } from './support/staff.js';

// The committed typed client (web/src/api), generated from the served OpenAPI document, used the
// way the web console and an integrator use it, against the real service over HTTP.

type Schema = { properties?: Record<string, unknown>; required?: string[] };

describe('the typed API client', () => {
  let t: TestApp;
  let frontDesk: SignedInStaff;
  let client: ReturnType<typeof createApiClient>;
  let schemas: Record<string, Schema>;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    frontDesk = await createSignedIn(t, 'front_desk');
    client = createApiClient({ baseUrl: await t.app.getUrl(), token: () => frontDesk.token });
    schemas = (await request(t.server).get('/docs/json').expect(200)).body.components.schemas;
  });
  afterAll(() => t.close());

  /** The body has exactly the members its schema declares, and every required one. */
  function assertMatchesSchema(body: object, schemaName: string): void {
    const schema = schemas[schemaName];
    assert.ok(schema?.properties, `${schemaName} is in the document`);
    for (const key of Object.keys(body)) assert.ok(key in (schema.properties ?? {}), `${schemaName} declares ${key}`);
    for (const key of schema.required ?? []) assert.ok(key in body, `${schemaName}.${key} is sent`);
  }

  it('records a minor with a guardian and reads the patient back, typed as the service answers', async () => {
    const body: components['schemas']['CreatePatientDto'] = {
      fullName: 'Ada Roe',
      dateOfBirth: '2012-05-01',
      contactEmail: null,
      mrn: 'MRN-CONTRACT-1',
      guardian: { fullName: 'Jane Roe', relationship: 'parent', contactEmail: 'jane.roe@example.org' },
    };
    const created = await client.POST('/api/v1/patients', { body });
    assert.equal(created.response.status, 201, JSON.stringify(created.error));
    assert.ok(created.data);
    assertMatchesSchema(created.data, 'PatientDto');
    assert.equal(created.data.contactEmail, null);
    assert.equal(created.data.guardian?.contactEmail, 'jane.roe@example.org');

    const read = await client.GET('/api/v1/patients/{id}', { params: { path: { id: created.data.id } } });
    assert.equal(read.response.status, 200);
    assert.ok(read.data);
    assertMatchesSchema(read.data, 'PatientDetailDto');
    // Spread into this test's realm both: fetch parses answers in Node's own (see README, Tests).
    const { cases, ...patient } = read.data;
    assert.deepEqual(patient, { ...created.data });
    assert.equal(cases?.length, 0);
  });

  it('answers a refusal as the documented problem, with its code', async () => {
    const body = { fullName: 'Bo Doe', dateOfBirth: '1980-01-01', mrn: 'MRN-CONTRACT-2' };
    assert.equal((await client.POST('/api/v1/patients', { body })).response.status, 201);
    const again = await client.POST('/api/v1/patients', { body: { ...body, fullName: 'Another Doe' } });
    assert.equal(again.response.status, 409);
    assert.match(again.response.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.equal(again.error?.code, 'mrn_taken');
    assert.equal(again.error.requestId, again.response.headers.get('x-request-id'));
    assertMatchesSchema(again.error, 'Problem');
  });

  it('records a release with its signed form through the multipart helper', async () => {
    const patient = await client.POST('/api/v1/patients', { body: { fullName: 'Cy Roe', dateOfBirth: '1979-02-03' } });
    assert.ok(patient.data);
    const recorded = await client.POST('/api/v1/patients/{id}/releases', {
      params: { path: { id: patient.data.id } },
      body: {
        document: new Blob([signedFormPdf()], { type: 'application/pdf' }),
        metadata: releaseFields() as components['schemas']['ReleaseMetadataDto'],
      },
      bodySerializer: multipartBody,
    });
    assert.equal(recorded.response.status, 201, JSON.stringify(recorded.error));
    assert.ok(recorded.data);
    assertMatchesSchema(recorded.data, 'ReleaseDto');
    assert.equal(recorded.data.patientId, patient.data.id);
  });

  it('documents as optional every field a caller without patients.read does not get', () => {
    assert.ok(!schemas.PublicationDto?.required?.includes('howFound'));
    assert.ok(!schemas.PatientDto?.required?.includes('fullName'));
    assert.ok(schemas.CreatePatientDto?.required?.includes('fullName'), 'a request still requires it');
  });

  it('documents each kind of credential and which operations take which', async () => {
    const document = (await request(t.server).get('/docs/json').expect(200)).body;
    assert.deepEqual(Object.keys(document.components.securitySchemes).sort(), [
      'apiKey',
      'patientSession',
      'staffCookie',
      'staffSession',
    ]);
    const security = (path: string, method: string) => document.paths[path][method].security;
    assert.deepEqual(security('/api/v1/auth/login', 'post'), []);
    assert.deepEqual(security('/api/v1/auth/me', 'get'), [{ staffSession: [] }, { staffCookie: [] }]);
    assert.deepEqual(security('/api/v1/portal/me', 'get'), [{ patientSession: [] }]);
    assert.deepEqual(security('/api/v1/photos/{id}/clearance', 'get'), [
      { staffSession: [] },
      { staffCookie: [] },
      { apiKey: [] },
    ]);
    // Only a permission an API key can be granted lets one in.
    assert.deepEqual(security('/api/v1/users', 'post'), [{ staffSession: [] }, { staffCookie: [] }]);
    assert.deepEqual(security('/m/{token}', 'get'), []);
  });
});
