import { expirySentence, scopeSentences, type ScopeToWord } from '../forms/scope-in-words.js';

/**
 * What a release lets the clinic do with the patient's photos, one sentence each, as the patient
 * reads it; dates are the clinic's calendar days.
 */
export function releaseInWords(scope: ScopeToWord, timeZone: string): string[] {
  return [
    ...scopeSentences(scope, 'en'),
    expirySentence(scope, 'en', timeZone),
    'You may withdraw it at any time; what was already done in reliance on it (such as brochures already handed out) cannot be undone.',
  ];
}
