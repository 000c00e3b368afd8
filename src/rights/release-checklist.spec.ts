import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { authorizationDefects, releaseChecklist } from './release-checklist.js';

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

// An adult on the signing day in UTC; the clinic's time zone is the tests' UTC unless one says otherwise.
const ADULT = { patientDateOfBirth: '1990-05-17', timeZone: 'UTC' };

const failing = (fields: Partial<typeof COMPLETE> | Record<string, unknown>, context = ADULT) =>
  releaseChecklist({ ...COMPLETE, ...fields }, context)
    .items.filter((item) => !item.passed)
    .map((item) => item.element);

describe('the 164.508(c) checklist', () => {
  it('passes a release that records every element', () => {
    const checklist = releaseChecklist(COMPLETE, ADULT);
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
    const conditioned = releaseChecklist({ ...COMPLETE, treatmentConditionedOnSigning: true }, ADULT);
    assert.match(conditioned.items.find((item) => item.element === 'conditioning')?.missing ?? '', /may not/);
  });

  it("needs a guardian's relationship and authority", () => {
    const minor = { ...ADULT, patientDateOfBirth: '2010-01-01' };
    assert.deepEqual(failing({ signerType: 'guardian', signerRelationship: 'parent', signerAuthority: null }, minor), [
      'signature_and_date',
    ]);
    assert.deepEqual(
      failing({ signerType: 'guardian', signerRelationship: 'parent', signerAuthority: 'parent of a minor' }, minor),
      [],
    );
  });

  it("judges the signer against the patient's age on the clinic's calendar day of the signing", () => {
    const parent = { signerType: 'guardian', signerRelationship: 'parent', signerAuthority: 'parent of a minor' };
    const minor = { ...ADULT, patientDateOfBirth: '2010-01-01' };
    assert.deepEqual(failing({}, minor), ['signature_and_date']);
    assert.match(
      releaseChecklist(COMPLETE, minor).items.find((item) => item.element === 'signature_and_date')?.missing ?? '',
      /under 18 on the signing date and signed alone/,
    );
    assert.deepEqual(failing(parent, minor), []);
    assert.deepEqual(failing(parent), ['signature_and_date']);
    assert.deepEqual(
      failing({ signerType: 'guardian', signerRelationship: 'legal_guardian', signerAuthority: 'court order' }),
      [],
    );
    assert.deepEqual(failing({}, { ...ADULT, patientDateOfBirth: '2026-02-01' }), ['signature_and_date']);
    // Signed at 2026-01-01T00:00Z: still 31 December 2025 in New York, the day before an 18th birthday.
    const eighteenOnNewYearsDay = { patientDateOfBirth: '2008-01-01', timeZone: 'America/New_York' };
    assert.deepEqual(failing({}, eighteenOnNewYearsDay), ['signature_and_date']);
    assert.deepEqual(failing({}, { ...eighteenOnNewYearsDay, timeZone: 'UTC' }), []);
  });

  it('counts a signer without authority as a defect, a copy not handed over as none', () => {
    assert.equal(authorizationDefects(COMPLETE, { ...ADULT, patientDateOfBirth: '2010-01-01' }).length, 1);
    assert.deepEqual(authorizationDefects({ ...COMPLETE, copyProvidedToSigner: false }, ADULT), []);
  });
});
