import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import type { Caller } from '../common/caller.js';
import { AuditService } from './audit.service.js';

const CALLER: Caller = { system: true, requestId: 'r-1', clientIp: null, userAgent: null };

/** A DataSource whose manager records each INSERT's rows and fails those holding a refused action. */
function fakeDataSource(refusedAction?: string) {
  const statements: string[][] = [];
  let release: () => void = () => undefined;
  let firstStatement = new Promise<void>((resolve) => (release = resolve));
  const manager = {
    queryRunner: undefined,
    query: async (_sql: string, values: unknown[]) => {
      const actions = values.filter((_, index) => index % 11 === 3) as string[];
      statements.push(actions);
      // The first statement is held until the test lets it go, so that others gather meanwhile.
      if (statements.length === 1) await firstStatement;
      if (refusedAction && actions.includes(refusedAction)) throw new Error('refused row');
      return [];
    },
  };
  return {
    dataSource: { manager } as unknown as DataSource,
    statements,
    letFirstGo: () => {
      release();
      firstStatement = Promise.resolve();
    },
  };
}

describe('audit writes outside a transaction', () => {
  it('gather while one is being committed, and are committed together', async () => {
    const fake = fakeDataSource();
    const audit = new AuditService(fake.dataSource);
    const first = audit.record(CALLER, { action: 'a.first' });
    const rest = ['a.2', 'a.3', 'a.4'].map((action) => audit.record(CALLER, { action }));
    fake.letFirstGo();
    await Promise.all([first, ...rest]);
    assert.deepEqual(fake.statements, [['a.first'], ['a.2', 'a.3', 'a.4']]);
  });

  it('fail only the caller whose row is refused, not the others gathered with it', async () => {
    const fake = fakeDataSource('bad');
    const audit = new AuditService(fake.dataSource);
    const first = audit.record(CALLER, { action: 'a.first' });
    const good = audit.record(CALLER, { action: 'good' });
    const bad = audit.record(CALLER, { action: 'bad' });
    fake.letFirstGo();
    await first;
    await good;
    await assert.rejects(bad, /refused row/);
  });

  it('are written in the caller’s own transaction when it passes one', async () => {
    const fake = fakeDataSource();
    fake.letFirstGo();
    const audit = new AuditService(fake.dataSource);
    const inTransaction: unknown[][] = [];
    const manager = { queryRunner: {}, query: async (_sql: string, values: unknown[]) => inTransaction.push(values) };
    await audit.record(CALLER, { action: 'in.tx' }, manager as never);
    assert.equal(inTransaction.length, 1);
    assert.deepEqual(fake.statements, []);
  });
});
