import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, type PatientLanguage } from './i18n';

/** English or Spanish for the patient pages; the choice is kept on this device. */
export function LanguageChoice() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('language')}
      size="sm"
      value={i18n.language}
      onChange={(value) => chooseLanguage(value as PatientLanguage)}
      data={[
        { value: 'en', label: 'English' },
        { value: 'es', label: 'Español' },
      ]}
    />
  );
}
