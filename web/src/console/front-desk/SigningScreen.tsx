import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createInstance } from 'i18next';
import { useMemo, useState } from 'react';
import { I18nextProvider, initReactI18next, useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError, unwrap, type components } from '../../shared/api';
import { SignForm, type SignaturePayload } from '../../shared/SignForm';
import { SIGNING_RESOURCES } from '../../shared/signing-words';
import { PageHeader, QueryState } from '../../shared/ui';

type SigningRequest = components['schemas']['SigningRequestDto'];

/**
 * The screen the patient (or guardian) reads and signs on, the tablet handed to them: the form as
 * the service rendered it, in their language. The signature names the form's hash, so a form that
 * changed cannot be signed.
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
    // React escapes what it renders; i18next escaping too would show a name like O'Brien as O&#39;Brien.
    const instance = createInstance({
      resources: SIGNING_RESOURCES,
      lng: language,
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
    });
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
  const [changed, setChanged] = useState(false);
  const sign = useMutation({
    mutationFn: (payload: SignaturePayload) =>
      unwrap(
        api.POST('/api/v1/patients/{id}/signing-requests/{requestId}/signature', {
          params: { path: { id: request.patientId, requestId: request.id } },
          body: payload,
        }),
      ),
    onMutate: () => setChanged(false),
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'form_changed') {
        setChanged(true);
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
              {request.form?.title ?? ''} (PDF)
            </Anchor>
            <Button component={Link} to={`/releases/${sign.data.releaseId}`} variant="default">
              Front desk: open the release
            </Button>
          </Group>
        </Stack>
      </Card>
    );
  }
  if (!request.form) {
    return (
      <Alert color="orange" role="alert" title={t('closed')}>
        <Button component={Link} to={`/patients/${request.patientId}`} variant="default" mt="sm">
          Front desk: back to the patient
        </Button>
      </Alert>
    );
  }
  return (
    <Stack>
      <PageHeader title={t('heading')} />
      <SignForm
        key={request.form.sha256}
        form={request.form}
        signer={request.signer}
        pending={sign.isPending}
        error={sign.error}
        changed={changed}
        onSign={(payload) => sign.mutate(payload)}
      />
    </Stack>
  );
}
