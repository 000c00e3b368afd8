import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { PasswordHasher } from './password-hasher.js';
import { passwordWeakness } from './password-policy.js';

const hasher = new PasswordHasher({ memoryKib: 19_456, iterations: 2 });

describe('PasswordHasher', () => {
  it('stores argon2id in PHC format with a fresh salt, and verifies only the right password', async () => {
    const first = await hasher.hash('velvet otter compass drizzle');
    const second = await hasher.hash('velvet otter compass drizzle');
    assert.match(first, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    assert.notEqual(first, second);
    assert.equal(await hasher.verify(first, 'velvet otter compass drizzle'), true);
    assert.equal(await hasher.verify(first, 'velvet otter compass drizzlE'), false);
    assert.equal(await hasher.verify('not a hash', 'velvet otter compass drizzle'), false);
  });

  it('asks for a rehash when the stored cost is below the configured one', async () => {
    const old = await hasher.hash('velvet otter compass drizzle');
    assert.equal(hasher.needsRehash(old), false);
    assert.equal(new PasswordHasher({ memoryKib: 32_768, iterations: 3 }).needsRehash(old), true);
  });
});

describe('password policy', () => {
  it('refuses passwords under 12 characters', async () => {
    assert.match((await passwordWeakness('Xk9!mQ2#pL')) ?? '', /at least 12 characters/);
  });

  it('refuses common passwords and their easy variants', async () => {
    for (const common of [
      'password1234',
      'Password123!',
      'qwertyuiop12',
      'iloveyou1234',
      'aaaaaaaaaaaa',
      'letmein12345',
    ]) {
      assert.match((await passwordWeakness(common)) ?? '', /too easy to guess/, common);
    }
  });

  it("refuses a password built from the account's own email", async () => {
    assert.match((await passwordWeakness('marguerite2026!', ['marguerite', 'clinic'])) ?? '', /too easy to guess/);
  });

  it('accepts passphrases and generated passwords', async () => {
    assert.equal(await passwordWeakness('velvet otter compass drizzle'), undefined);
    assert.equal(await passwordWeakness('Q7v!pz2Lr#9m'), undefined);
  });
});
