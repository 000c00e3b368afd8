import { Alert, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { unwrap } from '../shared/api';
import { patientSentence, portalApi } from './session';

/** Email address and date of birth: the service mails a one-time sign-in link when they match. */
export function RequestLink() {
  const form = useForm({
    initialValues: { email: '', dateOfBirth: '' },
    validate: {
      email: (value) => (/^\S+@\S+$/.test(value.trim()) ? null : 'Enter the email address the clinic has on file'),
      dateOfBirth: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? null : 'Enter the date of birth'),
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
            Ask for a sign-in link
          </Title>
          <Text>
            To see your photo consent, where your photos are used, or to withdraw your consent, ask for a sign-in link.
            We send it to the email address the clinic has on file.
          </Text>
          {ask.isSuccess && (
            <Alert color="green" role="status" title="Check your email">
              {ask.data.message}
            </Alert>
          )}
          {ask.isError && (
            <Alert color="red" role="alert">
              {patientSentence(ask.error)}
            </Alert>
          )}
          <TextInput
            label="Email address"
            type="email"
            autoComplete="email"
            inputMode="email"
            size="md"
            required
            {...form.getInputProps('email')}
          />
          <TextInput
            label="Date of birth (the patient’s)"
            type="date"
            size="md"
            required
            {...form.getInputProps('dateOfBirth')}
          />
          <Button type="submit" size="md" loading={ask.isPending}>
            Send me a sign-in link
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
