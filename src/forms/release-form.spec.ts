import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import fc from 'fast-check';
import { CHANNEL_CODES } from '../rights/channels.js';
import type { ReleaseScope } from '../rights/clearance.js';
import { FORM_LANGUAGES, type FormLanguage, type FormWording } from './form-template.entity.js';
import { renderReleaseForm, type ReleaseFormTerms } from './release-form.js';
import { CHANNEL_NAMES, SCOPE_SENTENCES } from './scope-in-words.js';

const WORDING: FormWording = {
  title: 'Authorization',
  introduction: 'Introduction.',
  rightToRevoke: 'You may revoke it.',
  treatmentNotConditioned: 'Treatment does not depend on it.',
  redisclosure: 'It may be redisclosed.',
  electronicSignatureDisclosure: 'You sign electronically.',
  closing: null,
};
const TEMPLATE = {
  clinicName: 'Riverside Aesthetics',
  wording: { en: WORDING, es: { ...WORDING, title: 'Autorización' } },
};

const TERMS: Omit<ReleaseFormTerms, keyof ReleaseScope | 'expiresAt' | 'expirationEvent'> = {
  patientName: 'Jane Roe',
  cases: ['Rhinoplasty, 2026-02-01'],
  informationDescription: 'Before and after photographs.',
  disclosingParty: 'Riverside Aesthetics',
  recipients: 'Visitors of the website',
  purpose: 'Marketing',
  signer: { signerType: 'patient' },
};

/** Reads channel names back into codes: names may themselves hold the list's "and", so every split is tried. */
function readChannels(list: string, language: FormLanguage): string[] | null {
  // Spanish says "e" for "and" before an "i" sound ("el sitio web e Instagram").
  const ands = language === 'en' ? [' and '] : [' y ', ' e '];
  const codes = Object.keys(CHANNEL_NAMES).sort(
    (a, b) => CHANNEL_NAMES[b][language].length - CHANNEL_NAMES[a][language].length,
  );
  const read = (rest: string, last: boolean): string[] | null => {
    for (const code of codes) {
      const name = CHANNEL_NAMES[code][language];
      if (!rest.startsWith(name)) continue;
      const after = rest.slice(name.length);
      if (after === '') return [code];
      for (const separator of last ? [] : [', ', ...ands]) {
        if (!after.startsWith(separator)) continue;
        const tail = read(after.slice(separator.length), ands.includes(separator));
        if (tail) return [code, ...tail];
      }
    }
    return null;
  };
  return read(list, false);
}

/** The scope a reader of the rendered form's "where and how" section takes from it. */
function scopeRead(paragraphs: string[], language: FormLanguage): ReleaseScope {
  const [channelsSentence, ...rest] = paragraphs;
  const within = (sentence: (names: string) => string, text: string): string | null => {
    const [before, after] = sentence('\u0000').split('\u0000');
    return text.startsWith(before) && text.endsWith(after)
      ? text.slice(before.length, text.length - after.length)
      : null;
  };
  const channels =
    channelsSentence === SCOPE_SENTENCES.noChannel[language]
      ? []
      : readChannels(within(SCOPE_SENTENCES.channels[language], channelsSentence) ?? '', language);
  const deniedList = within(SCOPE_SENTENCES.deniedChannels[language], rest[0] ?? '');
  const denied = deniedList === null ? [] : readChannels(deniedList, language);
  const flags = deniedList === null ? rest : rest.slice(1);
  const flag = (
    element:
      'faceAllowed' | 'obscureIdentifyingMarks' | 'nameAllowed' | 'paidAdvertisingAllowed' | 'educationalUseAllowed',
    index: number,
  ) => {
    const sentences = SCOPE_SENTENCES[element];
    if (flags[index] === sentences.true[language]) return true;
    if (flags[index] === sentences.false[language]) return false;
    throw new Error(`not a sentence about ${element}: ${flags[index]}`);
  };
  assert.ok(channels && denied, `channel lists read back: ${paragraphs.join(' | ')}`);
  return {
    channels,
    deniedChannels: denied,
    faceAllowed: flag('faceAllowed', 0),
    obscureIdentifyingMarks: flag('obscureIdentifyingMarks', 1),
    nameAllowed: flag('nameAllowed', 2),
    paidAdvertisingAllowed: flag('paidAdvertisingAllowed', 3),
    educationalUseAllowed: flag('educationalUseAllowed', 4),
  };
}

const scopes = fc.record({
  channels: fc.uniqueArray(fc.constantFrom(...CHANNEL_CODES), { maxLength: CHANNEL_CODES.length }),
  deniedChannels: fc.uniqueArray(fc.constantFrom(...CHANNEL_CODES), { maxLength: 4 }),
  faceAllowed: fc.boolean(),
  obscureIdentifyingMarks: fc.boolean(),
  nameAllowed: fc.boolean(),
  paidAdvertisingAllowed: fc.boolean(),
  educationalUseAllowed: fc.boolean(),
});

describe('renderReleaseForm', () => {
  it('says every channel and condition of any scope, in English and in Spanish, so that it reads back the same', () => {
    fc.assert(
      fc.property(scopes, fc.constantFrom(...FORM_LANGUAGES), (scope, language) => {
        const form = renderReleaseForm(
          TEMPLATE,
          language,
          { ...TERMS, ...scope, expiresAt: null, expirationEvent: null },
          'UTC',
        );
        const use = form.sections.find(
          (section) =>
            section.heading === (language === 'en' ? 'Where and how they may be used' : 'Dónde y cómo pueden usarse'),
        );
        assert.ok(use);
        assert.deepEqual(scopeRead(use.paragraphs, language), { ...scope });
      }),
      { numRuns: 500 },
    );
  });

  it('names what was shown by its hash: any change of wording, terms or language changes it', () => {
    const scope = {
      channels: ['website'],
      deniedChannels: [],
      faceAllowed: false,
      obscureIdentifyingMarks: true,
      nameAllowed: false,
      paidAdvertisingAllowed: false,
      educationalUseAllowed: false,
    };
    const terms: ReleaseFormTerms = {
      ...TERMS,
      ...scope,
      expiresAt: new Date('2031-03-01T00:00:00Z'),
      expirationEvent: null,
    };
    const form = renderReleaseForm(TEMPLATE, 'en', terms, 'UTC');
    assert.equal(form.sha256, renderReleaseForm(TEMPLATE, 'en', terms, 'UTC').sha256, 'the same form, the same hash');
    assert.notEqual(form.sha256, renderReleaseForm(TEMPLATE, 'es', terms, 'UTC').sha256);
    assert.notEqual(form.sha256, renderReleaseForm(TEMPLATE, 'en', { ...terms, faceAllowed: true }, 'UTC').sha256);
    assert.notEqual(
      form.sha256,
      renderReleaseForm({ ...TEMPLATE, wording: { en: { ...WORDING, redisclosure: 'Changed.' } } }, 'en', terms, 'UTC')
        .sha256,
    );
    const until = form.sections.find((section) => section.heading === 'Until when');
    assert.deepEqual(until?.paragraphs, ['This consent ends on 2031-03-01, unless you withdraw it sooner.']);
    const rights = form.sections.find((section) => section.heading === 'Your rights');
    assert.deepEqual(rights?.paragraphs, [
      WORDING.rightToRevoke,
      WORDING.treatmentNotConditioned,
      WORDING.redisclosure,
    ]);
  });

  it('says who signs for a minor, and covers every case when no case is named', () => {
    const scope = {
      channels: [],
      deniedChannels: [],
      faceAllowed: false,
      obscureIdentifyingMarks: false,
      nameAllowed: false,
      paidAdvertisingAllowed: false,
      educationalUseAllowed: false,
    };
    const form = renderReleaseForm(
      TEMPLATE,
      'es',
      {
        ...TERMS,
        ...scope,
        cases: null,
        expiresAt: null,
        expirationEvent: 'termine mi tratamiento',
        signer: { signerType: 'guardian', fullName: 'Ana Roe', relationship: 'parent' },
      },
      'UTC',
    );
    const byHeading = new Map(form.sections.map((section) => [section.heading, section.paragraphs]));
    assert.deepEqual(byHeading.get('Paciente'), [
      'Jane Roe',
      'Firmado en nombre del paciente por Ana Roe (padre o madre).',
    ]);
    assert.ok(
      byHeading.get('Las fotografías')?.includes('Abarca las fotografías de todos los tratamientos en la clínica.'),
    );
    assert.deepEqual(byHeading.get('Hasta cuándo'), [
      'Este consentimiento termina cuando termine mi tratamiento, salvo que usted lo retire antes.',
    ]);
    assert.equal(form.title, 'Autorización');
  });
});
