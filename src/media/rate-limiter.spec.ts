import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { ByteCache } from './byte-cache.js';
import { FixedWindowRateLimiter } from './rate-limiter.js';

describe('the per-address rate limiter', () => {
  it('allows the limit in a window, then says how long to wait, and starts afresh after it', () => {
    const limiter = new FixedWindowRateLimiter(2, 60_000);
    assert.equal(limiter.take('a', 0), null);
    assert.equal(limiter.take('a', 1_000), null);
    assert.equal(limiter.take('a', 1_500), 59);
    assert.equal(limiter.take('b', 1_500), null, 'each address has its own window');
    assert.equal(limiter.take('a', 60_000), null);
  });

  it('tracks at most its number of addresses, forgetting the oldest', () => {
    const limiter = new FixedWindowRateLimiter(1, 60_000, 2);
    limiter.take('a', 0);
    limiter.take('b', 1);
    limiter.take('c', 2);
    assert.equal(limiter.take('a', 3), null, 'a was forgotten to make room for c');
    assert.equal(limiter.take('c', 4), 60);
  });
});

describe('the rendition byte cache', () => {
  it('keeps the most recently used buffers within its bound', () => {
    const cache = new ByteCache(10);
    cache.set('a', Buffer.alloc(4));
    cache.set('b', Buffer.alloc(4));
    cache.get('a');
    cache.set('c', Buffer.alloc(4));
    assert.ok(cache.get('a'));
    assert.equal(cache.get('b'), undefined, 'the least recently used went');
    assert.ok(cache.get('c'));
    assert.equal(cache.size, 8);
    cache.set('huge', Buffer.alloc(11));
    assert.equal(cache.get('huge'), undefined, 'a buffer over the bound is not kept');
    assert.equal(cache.size, 8);
  });
});
