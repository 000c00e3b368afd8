import { calendarDay } from '../common/calendar.js';
import type { ReleaseScope } from '../rights/clearance.js';
import type { FormLanguage } from './form-template.entity.js';

// A release's scope in plain words, one sentence per element, in each language a form is offered in:
// what the patient reads on the form they sign and on their patient page.

/** A scope with when it ends. */
export interface ScopeToWord extends ReleaseScope {
  expiresAt: Date | null;
  expirationEvent: string | null;
}

type Sentences = Record<FormLanguage, string>;

export const CHANNEL_NAMES: Record<string, Sentences> = {
  website: { en: 'the clinic’s website', es: 'el sitio web de la clínica' },
  social: { en: 'social media', es: 'las redes sociales' },
  'social.instagram': { en: 'Instagram', es: 'Instagram' },
  'social.facebook': { en: 'Facebook', es: 'Facebook' },
  'social.tiktok': { en: 'TikTok', es: 'TikTok' },
  'social.youtube': { en: 'YouTube', es: 'YouTube' },
  'social.x': { en: 'X (Twitter)', es: 'X (Twitter)' },
  'social.pinterest': { en: 'Pinterest', es: 'Pinterest' },
  'social.linkedin': { en: 'LinkedIn', es: 'LinkedIn' },
  email: { en: 'email newsletters', es: 'los boletines por correo electrónico' },
  print: { en: 'printed material', es: 'el material impreso' },
  in_office: { en: 'displays in the clinic', es: 'las pantallas de la clínica' },
  review_sites: { en: 'review sites', es: 'los sitios de reseñas' },
  education: { en: 'teaching and conferences', es: 'la docencia y los congresos' },
};

/** The sentence of each element of a scope, by language; a function of the element's value. */
export const SCOPE_SENTENCES = {
  channels: {
    en: (names: string) => `Your photos may be shown on ${names}.`,
    es: (names: string) => `Sus fotografías pueden mostrarse en ${names}.`,
  },
  noChannel: {
    en: 'Your photos may not be shown anywhere.',
    es: 'Sus fotografías no pueden mostrarse en ningún lugar.',
  },
  deniedChannels: {
    en: (names: string) => `They may never be shown on ${names}.`,
    es: (names: string) => `Nunca pueden mostrarse en ${names}.`,
  },
  faceAllowed: {
    true: { en: 'Your face may be shown.', es: 'Su rostro puede mostrarse.' },
    false: {
      en: 'Your face may not be shown: it is cropped out or hidden.',
      es: 'Su rostro no puede mostrarse: se recorta o se oculta.',
    },
  },
  obscureIdentifyingMarks: {
    true: {
      en: 'Tattoos, birthmarks and other identifying marks are hidden.',
      es: 'Los tatuajes, las marcas de nacimiento y otras señas que identifican se ocultan.',
    },
    false: {
      en: 'Identifying marks such as tattoos may be visible.',
      es: 'Las señas que identifican, como los tatuajes, pueden verse.',
    },
  },
  nameAllowed: {
    true: { en: 'Your name may appear with the photos.', es: 'Su nombre puede aparecer junto a las fotografías.' },
    false: { en: 'Your name never appears with the photos.', es: 'Su nombre nunca aparece junto a las fotografías.' },
  },
  paidAdvertisingAllowed: {
    true: {
      en: 'The photos may be used in paid advertising.',
      es: 'Las fotografías pueden usarse en publicidad pagada.',
    },
    false: {
      en: 'The photos are not used in paid advertising.',
      es: 'Las fotografías no se usan en publicidad pagada.',
    },
  },
  educationalUseAllowed: {
    true: {
      en: 'The photos may be used for teaching and at conferences.',
      es: 'Las fotografías pueden usarse en la docencia y en congresos.',
    },
    false: { en: 'The photos are not used for teaching.', es: 'Las fotografías no se usan en la docencia.' },
  },
  expiresAt: {
    en: (day: string) => `This consent ends on ${day}, unless you withdraw it sooner.`,
    es: (day: string) => `Este consentimiento termina el ${day}, salvo que usted lo retire antes.`,
  },
  expirationEvent: {
    en: (event: string) => `This consent ends when ${event}, unless you withdraw it sooner.`,
    es: (event: string) => `Este consentimiento termina cuando ${event}, salvo que usted lo retire antes.`,
  },
  noExpiry: {
    en: 'This consent lasts until you withdraw it.',
    es: 'Este consentimiento dura hasta que usted lo retire.',
  },
} as const;

const AND: Sentences = { en: 'and', es: 'y' };

/** The yes-or-no conditions of a scope, each told in one of two sentences. */
type ScopeCondition =
  'faceAllowed' | 'obscureIdentifyingMarks' | 'nameAllowed' | 'paidAdvertisingAllowed' | 'educationalUseAllowed';

export function channelName(code: string, language: FormLanguage = 'en'): string {
  return CHANNEL_NAMES[code]?.[language] ?? code;
}

/** Channel names as a list in words: "A, B and C". */
export function channelList(codes: readonly string[], language: FormLanguage): string {
  const names = codes.map((code) => channelName(code, language));
  if (names.length <= 1) return names[0] ?? '';
  const last = names[names.length - 1];
  // Spanish writes "e" for "and" before an "i" sound: "el sitio web e Instagram".
  const and = language === 'es' && /^h?i(?![aeiouáéó])/i.test(last) ? 'e' : AND[language];
  return `${names.slice(0, -1).join(', ')} ${and} ${last}`;
}

/** Where the photos may be shown and how: the channels, then each condition. */
export function scopeSentences(scope: ReleaseScope, language: FormLanguage): string[] {
  const flag = (element: ScopeCondition, value: boolean): string =>
    SCOPE_SENTENCES[element][value ? 'true' : 'false'][language];
  return [
    scope.channels.length > 0
      ? SCOPE_SENTENCES.channels[language](channelList(scope.channels, language))
      : SCOPE_SENTENCES.noChannel[language],
    ...(scope.deniedChannels.length > 0
      ? [SCOPE_SENTENCES.deniedChannels[language](channelList(scope.deniedChannels, language))]
      : []),
    flag('faceAllowed', scope.faceAllowed),
    flag('obscureIdentifyingMarks', scope.obscureIdentifyingMarks),
    flag('nameAllowed', scope.nameAllowed),
    flag('paidAdvertisingAllowed', scope.paidAdvertisingAllowed),
    flag('educationalUseAllowed', scope.educationalUseAllowed),
  ];
}

/** When the consent ends, as a sentence; dates are the clinic's calendar days. */
export function expirySentence(scope: ScopeToWord, language: FormLanguage, timeZone: string): string {
  return scope.expiresAt
    ? SCOPE_SENTENCES.expiresAt[language](calendarDay(scope.expiresAt, timeZone))
    : scope.expirationEvent
      ? SCOPE_SENTENCES.expirationEvent[language](scope.expirationEvent)
      : SCOPE_SENTENCES.noExpiry[language];
}
