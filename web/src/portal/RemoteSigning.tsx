import { Alert, Button, Container, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, unwrap, type components } from '../shared/api';
import { SignForm, type SignaturePayload } from '../shared/SignForm';
import { chooseLanguage } from './i18n';
import { LanguageChoice } from './LanguageChoice';
import { portalApi } from './session';

type Opened = components['schemas']['SigningLinkOpenedDto'];

// The link's token leaves the address bar at once; the tab keeps it so a reload still works.
const LINK_KEY = 'photo-consent-signing-link';

function takeSigningToken(): string | undefined {
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? undefined;
  if (token !== undefined) {
    sessionStorage.setItem(LINK_KEY, token);
    history.replaceState(null, '', location.pathname);
  }
  return token ?? sessionStorage.getItem(LINK_KEY) ?? undefined;
}

/** A refusal in the signer's words. */
function refusal(error: unknown, t: (key: string) => string): string | undefined {
  if (!error) return undefined;
  if (!(error instanceof ApiError)) return t('failed');
  if (error.status === 0) return t('unreachable');
  if (error.code === 'identity_not_proven') return t('wrongDateOfBirth');
  if (error.code === 'signing_link_invalid') return t('linkInvalid');
  if (error.status === 429) return t('tooMany');
  return t('failed');
}

/** The page a mailed signing link opens, under its heading, with the choice of language. */
export function SigningPage() {
  const { t } = useTranslation();
  return (
    <Container component="main" size={720} px="md" py="lg">
      <Stack gap="lg">
        <Group justify="space-between" align="center" wrap="wrap">
          <Title order={1} size="h2">
            {t('signTitle')}
          </Title>
          <LanguageChoice />
        </Group>
        <RemoteSigning />
      </Stack>
    </Container>
  );
}

/**
 * The page a mailed signing link opens (/portal/sign#token=…): the patient's date of birth opens the
 * form, which they read and sign on their own device, in the form's language.
 */
export function RemoteSigning() {
  const { t } = useTranslation();
  const [token] = useState(takeSigningToken);
  const [opened, setOpened] = useState<Opened>();
  const [changed, setChanged] = useState(false);
  const form = useForm({
    initialValues: { dateOfBirth: '' },
    validate: { dateOfBirth: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? null : t('dateOfBirthMissing')) },
  });
  const open = useMutation({
    mutationFn: (dateOfBirth: string) =>
      unwrap(portalApi.POST('/api/v1/signing/open', { body: { token: token ?? '', dateOfBirth } })),
    onSuccess: (result) => {
      setOpened(result);
      chooseLanguage(result.language);
    },
  });
  const sign = useMutation({
    mutationFn: (payload: SignaturePayload) =>
      unwrap(
        portalApi.POST('/api/v1/signing/signature', {
          body: { ...payload, token: token ?? '', proof: opened?.proof ?? '' },
        }),
      ),
    onMutate: () => setChanged(false),
    onSuccess: () => sessionStorage.removeItem(LINK_KEY),
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'form_changed') {
        // Opened again, the form reads as it is now; the date of birth is asked once more.
        setChanged(true);
        setOpened(undefined);
      }
      if (error instanceof ApiError && error.code === 'identity_not_proven') setOpened(undefined);
    },
  });

  if (!token) {
    return (
      <Alert color="blue" role="status">
        {t('noLink')}
      </Alert>
    );
  }
  if (sign.data) {
    return (
      <Paper withBorder p="lg" radius="md">
        <Stack>
          <Title order={2} size="h3">
            {t('signed')}
          </Title>
          <Text size="lg">{t('signedByLink')}</Text>
        </Stack>
      </Paper>
    );
  }
  if (opened) {
    return (
      <SignForm
        key={opened.form.sha256}
        form={opened.form}
        signer={opened.signer}
        pending={sign.isPending}
        error={sign.error}
        changed={false}
        onSign={(payload) => sign.mutate(payload)}
      />
    );
  }
  const problem = refusal(open.error, t) ?? (sign.error && !changed ? refusal(sign.error, t) : undefined);
  return (
    <Paper withBorder p="md" radius="md">
      <form aria-label={t('openForm')} onSubmit={form.onSubmit((values) => open.mutate(values.dateOfBirth))} noValidate>
        <Stack>
          {changed && (
            <Alert color="orange" role="status">
              {t('changed')}
            </Alert>
          )}
          {sign.error instanceof ApiError && sign.error.code === 'identity_not_proven' && (
            <Alert color="orange" role="status">
              {t('proofExpired')}
            </Alert>
          )}
          <Text>{t('signIntro')}</Text>
          {problem && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          <TextInput label={t('dateOfBirth')} type="date" size="md" required {...form.getInputProps('dateOfBirth')} />
          <Button type="submit" size="md" loading={open.isPending}>
            {t('openForm')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
