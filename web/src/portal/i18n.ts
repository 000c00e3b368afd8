import { createInstance } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { SIGNING_RESOURCES } from '../shared/signing-words';
import { PORTAL_RESOURCES } from './portal-words';

export type PatientLanguage = 'en' | 'es';
const LANGUAGE_KEY = 'photo-consent-language';

/** The signing page's own words, beside the portal's and the signing's (shared with the desk's tablet). */
const PAGE_WORDS = {
  en: {
    language: 'Language',
    signTitle: 'Sign your photo release',
    signIntro: 'The clinic sent you a photo release to read and sign. To open it, enter the patient’s date of birth.',
    dateOfBirth: 'Date of birth (the patient’s)',
    dateOfBirthMissing: 'Enter the date of birth',
    openForm: 'Open the form',
    wrongDateOfBirth: 'That date of birth does not match the clinic’s record. Check it and try again.',
    linkInvalid: 'This link was used, has expired or was withdrawn. Ask the clinic for a new one.',
    noLink: 'Open the link in the clinic’s email to read and sign your form.',
    tooMany: 'Too many attempts. Please wait a while and try again.',
    unreachable: 'We cannot reach the clinic’s service. Check your connection and try again.',
    proofExpired: 'For your safety, enter the date of birth again before signing.',
    signedByLink: 'A copy of the signed form is on its way to your email. Keep it: it says what the clinic may do.',
  },
  es: {
    language: 'Idioma',
    signTitle: 'Firme su autorización de fotografías',
    signIntro:
      'La clínica le envió una autorización de fotografías para leer y firmar. Para abrirla, escriba la fecha de ' +
      'nacimiento del paciente.',
    dateOfBirth: 'Fecha de nacimiento (del paciente)',
    dateOfBirthMissing: 'Escriba la fecha de nacimiento',
    openForm: 'Abrir el formulario',
    wrongDateOfBirth:
      'Esa fecha de nacimiento no coincide con el registro de la clínica. Revísela e inténtelo de nuevo.',
    linkInvalid: 'Este enlace ya se usó, caducó o fue retirado. Pida uno nuevo a la clínica.',
    noLink: 'Abra el enlace del correo de la clínica para leer y firmar su formulario.',
    tooMany: 'Demasiados intentos. Espere un rato e inténtelo de nuevo.',
    unreachable: 'No podemos conectar con el servicio de la clínica. Revise su conexión e inténtelo de nuevo.',
    proofExpired: 'Por su seguridad, escriba de nuevo la fecha de nacimiento antes de firmar.',
    signedByLink:
      'Le enviamos a su correo una copia del formulario firmado. Consérvela: indica lo que la clínica puede hacer.',
  },
} as const;

/** The language the patient chose before, or their browser's when it is one the pages speak. */
function initialLanguage(): PatientLanguage {
  const chosen = localStorage.getItem(LANGUAGE_KEY);
  if (chosen === 'en' || chosen === 'es') return chosen;
  return navigator.languages.some((language) => language.toLowerCase().startsWith('es')) ? 'es' : 'en';
}

export const patientI18n = createInstance({
  resources: {
    en: { translation: { ...SIGNING_RESOURCES.en.translation, ...PORTAL_RESOURCES.en, ...PAGE_WORDS.en } },
    es: { translation: { ...SIGNING_RESOURCES.es.translation, ...PORTAL_RESOURCES.es, ...PAGE_WORDS.es } },
  },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});
void patientI18n.use(initReactI18next).init();
document.documentElement.lang = patientI18n.language;
patientI18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

/** The patient's choice of language, kept for their next visit on this device. */
export function chooseLanguage(language: PatientLanguage): void {
  localStorage.setItem(LANGUAGE_KEY, language);
  void patientI18n.changeLanguage(language);
}
