import { Alert, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../shared/api';
import { patientSentence, portalApi } from './session';

/** Email address and date of birth: the service mails a one-time sign-in link when they match. */
export function RequestLink() {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { email: '', dateOfBirth: '' },
    validate: {
      email: (value) => (/^\S+@\S+$/.test(value.trim()) ? null : t('emailMissing')),
      dateOfBirth: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? null : t('dateOfBirthMissing')),
    },
  });
  const ask = useMutation({
    mutationFn: (values: typeof form.values) =>
      unwrap(
        portalApi.POST('/api/v1/portal/access', {
          body: { email: values.email.trim(), dateOfBirth: values.dateOfBirth },
        }),
      ),
  });

  return (
    <Paper withBorder p="md" radius="md">
      <form aria-labelledby="access-heading" onSubmit={form.onSubmit((values) => ask.mutate(values))} noValidate>
        <Stack>
          <Title order={2} size="h3" id="access-heading">
            {t('askHeading')}
          </Title>
          <Text>{t('askIntro')}</Text>
          {ask.isSuccess && (
            <Alert color="green" role="status" title={t('checkEmail')}>
              {t('linkOnItsWay')}
            </Alert>
          )}
          {ask.isError && (
            <Alert color="red" role="alert">
              {patientSentence(ask.error)}
            </Alert>
          )}
          <TextInput
            label={t('emailAddress')}
            type="email"
            autoComplete="email"
            inputMode="email"
            size="md"
            required
            {...form.getInputProps('email')}
          />
          <TextInput label={t('dateOfBirth')} type="date" size="md" required {...form.getInputProps('dateOfBirth')} />
          <Button type="submit" size="md" loading={ask.isPending}>
            {t('sendLink')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
