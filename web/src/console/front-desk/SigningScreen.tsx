import { Alert, Anchor, Button, Card, Checkbox, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createInstance } from 'i18next';
import { useEffect, useMemo, useRef, useState } from 'react';
import { I18nextProvider, initReactI18next, useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError, fieldErrors, unwrap, type components } from '../../shared/api';
import { SignaturePadField, type Drawing } from '../../shared/SignaturePadField';
import { PageHeader, ProblemAlert, QueryState } from '../../shared/ui';
import { SIGNING_RESOURCES } from './signing-words';

type SigningRequest = components['schemas']['SigningRequestDto'];
type RenderedForm = components['schemas']['RenderedFormDto'];

/**
 * The screen the patient (or guardian) reads and signs on, the tablet handed to them: the form as
 * the service rendered it, in their language, to its end; then the e-sign consent, their typed name
 * and their signature. The signature names the form's hash, so a form that changed cannot be signed.
 */
export default function SigningScreen() {
  const { id = '', requestId = '' } = useParams();
  const key = ['signing-request', requestId];
  const request = useQuery({
    queryKey: key,
    queryFn: () =>
      unwrap(api.GET('/api/v1/patients/{id}/signing-requests/{requestId}', { params: { path: { id, requestId } } })),
  });
  const language = request.data?.language ?? 'en';
  const i18n = useMemo(() => {
    const instance = createInstance({ resources: SIGNING_RESOURCES, lng: language, fallbackLng: 'en' });
    void instance.use(initReactI18next).init();
    return instance;
  }, [language]);
  return (
    <I18nextProvider i18n={i18n}>
      <Stack maw={820} mx="auto" lang={language}>
        <QueryState query={request}>{request.data && <Signing request={request.data} queryKey={key} />}</QueryState>
      </Stack>
    </I18nextProvider>
  );
}

function Signing({ request, queryKey }: { request: SigningRequest; queryKey: string[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [readToEnd, setReadToEnd] = useState(false);
  const [consent, setConsent] = useState(false);
  const [attested, setAttested] = useState(false);
  const [typedName, setTypedName] = useState('');
  const [drawing, setDrawing] = useState<Drawing | null>(null);
  const [drawingMissing, setDrawingMissing] = useState(false);
  const [changed, setChanged] = useState(false);
  const end = useRef<HTMLDivElement>(null);
  const form = request.form;
  const signer = request.signer;

  useEffect(() => {
    const sentinel = end.current;
    if (!sentinel) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setReadToEnd(true);
    });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [form?.sha256]);

  const sign = useMutation({
    mutationFn: (shown: RenderedForm) =>
      unwrap(
        api.POST('/api/v1/patients/{id}/signing-requests/{requestId}/signature', {
          params: { path: { id: request.patientId, requestId: request.id } },
          body: {
            shownSha256: shown.sha256,
            typedName,
            electronicSignatureConsent: consent,
            guardianAttestation: signer.signerType === 'guardian' ? attested : undefined,
            signature: drawing as Drawing,
          },
        }),
      ),
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'form_changed') {
        setChanged(true);
        setReadToEnd(false);
        void queryClient.invalidateQueries({ queryKey });
      }
    },
  });

  if (sign.data) {
    return (
      <Card withBorder p="xl">
        <Stack>
          <Title order={1} size="h2">
            {t('signed')}
          </Title>
          <Text size="lg">{t('signedDetail')}</Text>
          <Group>
            <Anchor href={`/api/v1/releases/${sign.data.releaseId}/document`} size="lg">
              {form?.title ?? ''} (PDF)
            </Anchor>
            <Button component={Link} to={`/releases/${sign.data.releaseId}`} variant="default">
              Front desk: open the release
            </Button>
          </Group>
        </Stack>
      </Card>
    );
  }
  if (!form) {
    return (
      <Alert color="orange" role="alert" title={t('closed')}>
        <Button component={Link} to={`/patients/${request.patientId}`} variant="default" mt="sm">
          Front desk: back to the patient
        </Button>
      </Alert>
    );
  }

  const errors = fieldErrors(sign.error);
  const relationship = signer.relationship ? t(`relationships.${signer.relationship}`) : t('relationships.other');
  return (
    <Stack>
      <PageHeader title={t('heading')} />
      {changed && (
        <Alert color="orange" role="status">
          {t('changed')}
        </Alert>
      )}
      <Paper withBorder p="lg" component="article" aria-labelledby="form-title">
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
      <Card withBorder component="section" aria-labelledby="sign-heading">
        <Title order={2} size="h4" id="sign-heading" mb="sm">
          {t('signHeading')}
        </Title>
        {!readToEnd && (
          <Text c="dimmed" mb="sm">
            {t('readToEnd')}
          </Text>
        )}
        <fieldset disabled={!readToEnd} style={{ border: 0, padding: 0, margin: 0 }}>
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
              error={drawingMissing ? t('drawFirst') : errors['signature.strokes']}
              onChange={(next) => {
                setDrawing(next);
                if (next) setDrawingMissing(false);
              }}
            />
            <ProblemAlert error={sign.error} besideFields />
            <Group justify="flex-end">
              <Button
                size="lg"
                loading={sign.isPending}
                disabled={!readToEnd}
                onClick={() => {
                  if (!drawing) {
                    setDrawingMissing(true);
                    return;
                  }
                  setChanged(false);
                  sign.mutate(form);
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
