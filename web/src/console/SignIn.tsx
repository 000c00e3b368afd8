import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, problemSentence, unwrap } from '../shared/api';
import { useSession, type SignedOutReason } from './session';

const REASONS: Record<SignedOutReason, string | undefined> = {
  initial: undefined,
  'signed-out': 'You have signed out.',
  idle: 'You were signed out after a while without activity, to keep patient information safe.',
  expired: 'Your session has ended. Sign in again to go on.',
};

/** Email and password, then the authenticator code when the account has a second factor. */
export function SignIn({ reason }: { reason: SignedOutReason }) {
  const { refresh } = useSession();
  const [needsCode, setNeedsCode] = useState(false);
  const form = useForm({
    initialValues: { email: '', password: '', totpCode: '' },
    validate: {
      email: (value) => (value.trim() ? null : 'Enter your email address'),
      password: (value) => (value ? null : 'Enter your password'),
      totpCode: (value) => (!needsCode || /^\d{6}$/.test(value) ? null : 'Enter the 6 digits your app shows'),
    },
  });
  const signIn = useMutation({
    mutationFn: (values: typeof form.values) =>
      unwrap(
        api.POST('/api/v1/auth/browser-session', {
          body: { email: values.email, password: values.password, totpCode: values.totpCode || undefined },
        }),
      ),
    onSuccess: () => refresh(),
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'totp_required') setNeedsCode(true);
    },
  });

  const failure = signIn.error;
  const failureSentence =
    failure instanceof ApiError && failure.code === 'totp_required'
      ? undefined
      : failure instanceof ApiError && failure.code === 'invalid_credentials'
        ? 'The email address or the password is not right.'
        : failure instanceof ApiError && failure.code === 'totp_invalid'
          ? 'That code is not right or has already been used. Wait for the next one and try again.'
          : failure && problemSentence(failure);

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
        <form onSubmit={form.onSubmit((values) => signIn.mutate(values))} noValidate>
          <Stack>
            <Title order={1} size="h2">
              Photo Consent
            </Title>
            <Text c="dimmed">Sign in with your clinic account.</Text>
            {REASONS[reason] && (
              <Alert color={reason === 'signed-out' ? 'blue' : 'yellow'} role="status">
                {REASONS[reason]}
              </Alert>
            )}
            {failureSentence && (
              <Alert color="red" role="alert" title="Not signed in">
                {failureSentence}
              </Alert>
            )}
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              required
              disabled={needsCode}
              {...form.getInputProps('email')}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              disabled={needsCode}
              {...form.getInputProps('password')}
            />
            {needsCode && (
              <TextInput
                label="Code from your authenticator app"
                description="The 6 digits your app shows now"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                autoFocus
                {...form.getInputProps('totpCode')}
              />
            )}
            <Button type="submit" loading={signIn.isPending}>
              Sign in
            </Button>
            {needsCode && (
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => {
                  setNeedsCode(false);
                  form.setFieldValue('totpCode', '');
                  signIn.reset();
                }}
              >
                Use another account
              </Anchor>
            )}
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
