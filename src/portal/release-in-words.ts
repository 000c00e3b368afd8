import type { FormLanguage } from '../forms/form-template.entity.js';
import { expirySentence, scopeSentences, type ScopeToWord } from '../forms/scope-in-words.js';
import { portalWords } from './portal-words.js';

/**
 * What a release lets the clinic do with the patient's photos, one sentence each, as the patient
 * reads it in their language; dates are the clinic's calendar days.
 */
export function releaseInWords(scope: ScopeToWord, language: FormLanguage, timeZone: string): string[] {
  return [
    ...scopeSentences(scope, language),
    expirySentence(scope, language, timeZone),
    portalWords(language).releaseClosing,
  ];
}
