import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { releaseChecklist } from './release-checklist.js';

const COMPLETE = {
  id: 'r1',
  version: 1,
  informationDescription: 'Before and after photos of the rhinoplasty',
  disclosingParty: 'The clinic',
  recipients: 'Website visitors',
  purpose: 'Marketing',
  expiresAt: new Date('2030-01-01T00:00:00Z'),
  expirationEvent: null,
  signedAt: new Date('2026-01-01T00:00:00Z'),
  signerType: 'patient' as const,
  signerFullName: 'Jane Roe',
  signerRelationship: null,
  signerAuthority: null,
  rightToRevokeStatement: true,
  conditioningStatement: true,
  treatmentConditionedOnSigning: false,
  redisclosureStatement: true,
  copyProvidedToSigner: true,
};

const failing = (fields: Partial<typeof COMPLETE> | Record<string, unknown>) =>
  releaseChecklist({ ...COMPLETE, ...fields })
    .items.filter((item) => !item.passed)
    .map((item) => item.element);

describe('the 164.508(c) checklist', () => {
  it('passes a release that records every element', () => {
    const checklist = releaseChecklist(COMPLETE);
    assert.equal(checklist.complete, true);
    assert.ok(checklist.items.every((item) => item.passed && item.missing === null));
  });

  it('names each missing element', () => {
    assert.deepEqual(failing({ informationDescription: ' ' }), ['information_description']);
    assert.deepEqual(failing({ disclosingParty: null }), ['authorized_disclosers']);
    assert.deepEqual(failing({ recipients: '' }), ['recipients']);
    assert.deepEqual(failing({ purpose: null }), ['purpose']);
    assert.deepEqual(failing({ expiresAt: null }), ['expiration']);
    assert.deepEqual(failing({ expiresAt: null, expirationEvent: 'end of the marketing campaign' }), []);
    assert.deepEqual(failing({ rightToRevokeStatement: false }), ['right_to_revoke']);
    assert.deepEqual(failing({ redisclosureStatement: false }), ['redisclosure']);
    assert.deepEqual(failing({ copyProvidedToSigner: false }), ['copy_to_signer']);
  });

  it('fails conditioning when the statement is missing or treatment was conditioned on signing', () => {
    assert.deepEqual(failing({ conditioningStatement: false }), ['conditioning']);
    const conditioned = releaseChecklist({ ...COMPLETE, treatmentConditionedOnSigning: true });
    assert.match(conditioned.items.find((item) => item.element === 'conditioning')?.missing ?? '', /may not/);
  });

  it("needs a guardian's relationship and authority", () => {
    assert.deepEqual(failing({ signerType: 'guardian', signerRelationship: 'parent', signerAuthority: null }), [
      'signature_and_date',
    ]);
    assert.deepEqual(
      failing({ signerType: 'guardian', signerRelationship: 'parent', signerAuthority: 'parent of a minor' }),
      [],
    );
  });
});
