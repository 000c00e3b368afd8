import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { redactLogObject } from './logging.js';
import { loggableUrl, REDACTED } from './log-redaction.js';

describe('log redaction', () => {
  it('hides names, dates of birth, contact details, tokens and passwords at any depth', () => {
    const line = redactLogObject({
      msg: 'created',
      patient: { code: 'P-7KQ2M', firstName: 'Jane', date_of_birth: '1990-01-02', contact: { email: 'j@x.org' } },
      guardians: [{ name: 'John', phone: '555' }],
      auth: { Authorization: 'Bearer abc', password: 'hunter2hunter2', token: 't' },
    });
    const text = JSON.stringify(line);
    for (const secret of ['Jane', '1990-01-02', 'j@x.org', 'John', '555', 'Bearer abc', 'hunter2', '"t"']) {
      assert.ok(!text.includes(secret), `${secret} leaked: ${text}`);
    }
    assert.match(text, /P-7KQ2M/, 'the pseudonymous code stays: it is what logs are for');
  });

  it('hides query parameters and driver details inside errors', () => {
    const error = Object.assign(new Error('duplicate key'), {
      parameters: ['Jane Roe', '1990-01-02'],
      detail: 'Key (email)=(j@x.org) already exists.',
    });
    const text = JSON.stringify(redactLogObject({ err: error }));
    assert.match(text, /duplicate key/);
    assert.doesNotMatch(text, /Jane|j@x\.org|1990/);
  });

  it('drops query values and capability tokens from URLs', () => {
    assert.equal(
      loggableUrl('/api/v1/patients?q=Jane%20Roe&page=2'),
      `/api/v1/patients?q=${REDACTED}&page=${REDACTED}`,
    );
    assert.equal(loggableUrl('/m/abcdef123/extra'), `/m/${REDACTED}/extra`);
    assert.equal(loggableUrl('/storage/eyJrIjoi.sig'), `/storage/${REDACTED}`);
    assert.equal(loggableUrl('/health/ready'), '/health/ready');
  });
});
