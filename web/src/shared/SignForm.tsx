import { Alert, Button, Card, Checkbox, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, type components } from './api';
import { SignaturePadField, type Drawing } from './SignaturePadField';

type RenderedForm = components['schemas']['RenderedFormDto'];
type Signer = components['schemas']['SignedByViewDto'];

/** What a signature sends: the hash of the form shown and what the signer gave. */
export interface SignaturePayload {
  shownSha256: string;
  typedName: string;
  electronicSignatureConsent: boolean;
  guardianAttestation?: boolean;
  signature: Drawing;
}

/**
 * A release form as the service rendered it and the signing beneath it, in the signer's language
 * (the i18next instance above): signing unlocks once the form is read to its end; then the e-sign
 * consent, a guardian's attestation, the typed name and a finger signature. Used at the desk and on
 * the patient's phone alike.
 */
export function SignForm({
  form,
  signer,
  pending,
  error,
  changed,
  onSign,
}: {
  form: RenderedForm;
  signer: Signer;
  pending: boolean;
  error: unknown;
  /** The service found the form changed: it is shown again and must be read again. */
  changed: boolean;
  onSign: (payload: SignaturePayload) => void;
}) {
  const { t } = useTranslation();
  const [readToEnd, setReadToEnd] = useState(false);
  const [consent, setConsent] = useState(false);
  const [attested, setAttested] = useState(false);
  const [typedName, setTypedName] = useState('');
  const [drawing, setDrawing] = useState<Drawing | null>(null);
  const [drawingMissing, setDrawingMissing] = useState(false);
  const end = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setReadToEnd(false);
    const sentinel = end.current;
    if (!sentinel) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setReadToEnd(true);
    });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [form.sha256]);

  // The service words its refusals in English; the signer reads them in their own language.
  const refused = fieldErrors(error);
  const errors = {
    electronicSignatureConsent: refused.electronicSignatureConsent && t('consentMissing'),
    guardianAttestation: refused.guardianAttestation && t('attestationMissing'),
    typedName: refused.typedName && t('typedNameWrong'),
    drawing: refused['signature.strokes'] && t('drawAgain'),
  };
  const refusedFields = Object.keys(refused).length > 0;
  const relationship = t(`relationships.${signer.relationship ?? 'other'}`);
  return (
    <Stack>
      {changed && (
        <Alert color="orange" role="status">
          {t('changed')}
        </Alert>
      )}
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} component="article" aria-labelledby="form-title">
        <Text size="sm" c="dimmed">
          {form.clinicName}
        </Text>
        <Title order={2} size="h3" id="form-title" mb="md">
          {form.title}
        </Title>
        <Stack gap="md">
          {form.sections.map((section, index) => (
            <section key={index}>
              {section.heading && (
                <Title order={3} size="h5" mb={4}>
                  {section.heading}
                </Title>
              )}
              {(section.paragraphs ?? []).map((paragraph, line) => (
                <Text key={line} size="md" mb={4}>
                  {paragraph}
                </Text>
              ))}
            </section>
          ))}
        </Stack>
        <div ref={end} data-testid="end-of-form" />
      </Paper>
      <Card withBorder component="section" aria-labelledby="sign-heading" p={{ base: 'sm', sm: 'lg' }}>
        <Title order={2} size="h4" id="sign-heading" mb="sm">
          {t('signHeading')}
        </Title>
        {!readToEnd && (
          <Text c="dimmed" mb="sm">
            {t('readToEnd')}
          </Text>
        )}
        <fieldset disabled={!readToEnd} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Stack>
            <Checkbox
              size="md"
              label={t('consent')}
              checked={consent}
              onChange={(event) => setConsent(event.currentTarget.checked)}
              error={errors.electronicSignatureConsent}
            />
            {signer.signerType === 'guardian' && (
              <Checkbox
                size="md"
                label={t('attestation', { relationship, authority: signer.authority ?? '' })}
                checked={attested}
                onChange={(event) => setAttested(event.currentTarget.checked)}
                error={errors.guardianAttestation}
              />
            )}
            <TextInput
              size="md"
              label={t('typedName')}
              description={t('typedNameHint', { name: signer.fullName })}
              value={typedName}
              onChange={(event) => setTypedName(event.currentTarget.value)}
              error={errors.typedName}
              autoComplete="off"
            />
            <SignaturePadField
              label={t('pad')}
              description={t('padHint')}
              clearLabel={t('clear')}
              error={drawingMissing ? t('drawFirst') : errors.drawing}
              onChange={(next) => {
                setDrawing(next);
                if (next) setDrawingMissing(false);
              }}
            />
            {error !== null && error !== undefined && !changed && !refusedFields && (
              <Alert color="red" role="alert">
                {t('failed')}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button
                size="lg"
                loading={pending}
                disabled={!readToEnd}
                onClick={() => {
                  if (!drawing) {
                    setDrawingMissing(true);
                    return;
                  }
                  onSign({
                    shownSha256: form.sha256,
                    typedName,
                    electronicSignatureConsent: consent,
                    guardianAttestation: signer.signerType === 'guardian' ? attested : undefined,
                    signature: drawing,
                  });
                }}
              >
                {t('sign')}
              </Button>
            </Group>
          </Stack>
        </fieldset>
      </Card>
    </Stack>
  );
}
