import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MinLength, ValidateNested } from 'class-validator';
import request from 'supertest';
import { Public } from '../src/common/access.decorator.js';
import { startTestApp, type TestApp } from './support/app.js';

class ProbeAddressDto {
  @IsString()
  @MinLength(2)
  city!: string;
}

class ProbeDto {
  @IsInt()
  @Max(10)
  count!: number;

  @ValidateNested()
  @Type(() => ProbeAddressDto)
  address!: ProbeAddressDto;
}

/** Routes that exist only in this test, to drive the global pipe and filter through real HTTP. */
@Controller('probe')
class ProbeController {
  @Public()
  @Post()
  echo(@Body() body: ProbeDto): { count: number; countType: string } {
    return { count: body.count, countType: typeof body.count };
  }

  @Public()
  @Get('crash')
  crash(): never {
    throw new Error('connection to 10.0.0.7 refused for patient Jane Roe');
  }
}

const PROBLEM_JSON = /^application\/problem\+json/;

describe('HTTP behaviour every route shares', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ controllers: [ProbeController], env: { BODY_LIMIT_BYTES: '2048' } });
  });
  afterAll(async () => t.close());

  it('answers an unknown route with a 404 problem', async () => {
    const response = await request(t.server).get('/api/v1/no-such-thing?q=Jane').expect(404);
    assert.match(response.headers['content-type'] ?? '', PROBLEM_JSON);
    assert.equal(response.body.code, 'not_found');
    assert.equal(response.body.status, 404);
    assert.equal(response.body.type, 'urn:photo-consent:problem:not_found');
    assert.equal(response.body.instance, '/api/v1/no-such-thing');
    assert.doesNotMatch(JSON.stringify(response.body), /Jane/);
  });

  it('answers a malformed JSON body with a 400 problem', async () => {
    const response = await request(t.server)
      .post('/api/v1/probe')
      .set('content-type', 'application/json')
      .send('{"count": 1,')
      .expect(400);
    assert.match(response.headers['content-type'] ?? '', PROBLEM_JSON);
    assert.equal(response.body.code, 'malformed_body');
  });

  it('refuses unknown fields and wrong types, naming each field without echoing values', async () => {
    const response = await request(t.server)
      .post('/api/v1/probe')
      .send({ count: 'eleven', address: { city: 'X' }, patientName: 'Jane Roe' })
      .expect(400);
    assert.match(response.headers['content-type'] ?? '', PROBLEM_JSON);
    assert.equal(response.body.code, 'validation_failed');
    const fields = (response.body.errors as { field: string }[]).map((error) => error.field).sort();
    assert.deepEqual(fields, ['address.city', 'count', 'patientName']);
    assert.doesNotMatch(JSON.stringify(response.body), /Jane Roe|eleven/);
  });

  it('transforms a valid body into the DTO', async () => {
    const response = await request(t.server)
      .post('/api/v1/probe')
      .send({ count: 3, address: { city: 'Oslo' } })
      .expect(201);
    assert.deepEqual(response.body, { count: 3, countType: 'number' });
  });

  it('refuses a body over the limit with 413 and an unsupported media type with 415', async () => {
    const big = await request(t.server)
      .post('/api/v1/probe')
      .send({ count: 1, address: { city: 'x'.repeat(4096) } })
      .expect(413);
    assert.match(big.headers['content-type'] ?? '', PROBLEM_JSON);
    assert.equal(big.body.code, 'payload_too_large');

    const text = await request(t.server).post('/api/v1/probe').set('content-type', 'text/csv').send('a,b').expect(415);
    assert.match(text.headers['content-type'] ?? '', PROBLEM_JSON);
    assert.equal(text.body.code, 'unsupported_media_type');
  });

  it('answers an unexpected failure with a bare 500 that carries no internals', async () => {
    const response = await request(t.server).get('/api/v1/probe/crash').expect(500);
    assert.match(response.headers['content-type'] ?? '', PROBLEM_JSON);
    assert.equal(response.body.code, 'internal_error');
    assert.doesNotMatch(JSON.stringify(response.body), /10\.0\.0\.7|Jane|refused|stack/);
  });

  it('gives every response a request id, keeping a well-formed one the caller sent', async () => {
    const generated = await request(t.server).get('/health/live').expect(200);
    assert.match(generated.headers['x-request-id'] ?? '', /^[0-9a-f-]{36}$/);

    const kept = await request(t.server).get('/health/live').set('x-request-id', 'lb-7f3a9c21').expect(200);
    assert.equal(kept.headers['x-request-id'], 'lb-7f3a9c21');

    const replaced = await request(t.server).get('/health/live').set('x-request-id', 'bad id; drop').expect(200);
    assert.match(replaced.headers['x-request-id'] ?? '', /^[0-9a-f-]{36}$/);

    const problem = await request(t.server).get('/api/v1/nothing').set('x-request-id', 'lb-7f3a9c22').expect(404);
    assert.equal(problem.body.requestId, 'lb-7f3a9c22');
  });

  it('sends security headers and forbids caching of answers', async () => {
    const response = await request(t.server).get('/health/live').expect(200);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.match(response.headers['content-security-policy'] ?? '', /frame-ancestors 'none'/);
    assert.equal(response.headers['referrer-policy'], 'no-referrer');
    assert.match(response.headers['strict-transport-security'] ?? '', /max-age=/);
    assert.equal(response.headers['cache-control'], 'no-store');
  });

  it('reports liveness and readiness of the database and object store', async () => {
    assert.deepEqual((await request(t.server).get('/health/live').expect(200)).body, { status: 'ok' });
    const ready = await request(t.server).get('/health/ready').expect(200);
    assert.deepEqual(ready.body, { status: 'ok', checks: { database: 'up', objectStore: 'up' } });
  });

  it('publishes OpenAPI 3 at /docs/json and a viewer at /docs', async () => {
    const json = await request(t.server).get('/docs/json').expect(200);
    assert.match(json.body.openapi, /^3\./);
    assert.ok(json.body.paths['/health/ready'], 'the readiness route is documented');
    assert.ok(json.body.components.schemas.ReadinessDto, 'response DTOs become schemas');
    const html = await request(t.server).get('/docs').expect(200);
    assert.match(html.headers['content-type'] ?? '', /text\/html/);
  });
});
