import { Alert, Button, Center, Code, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { QRCodeSVG } from 'qrcode.react';
import { useState } from 'react';
import { api, problemSentence, unwrap } from '../shared/api';
import { useSession } from './session';

/**
 * Setting up the second factor a role needs before anything else: the QR code of the
 * `otpauth://` URI (and its secret, for typing), then one code to prove the app has it.
 */
export function SecondFactorEnrolment() {
  const { refresh, signOut } = useSession();
  const [code, setCode] = useState('');
  const enrolment = useQuery({
    queryKey: ['totp-enrolment'],
    queryFn: () => unwrap(api.POST('/api/v1/auth/totp/enrol')),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
  const verify = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/totp/verify', { body: { code } })),
    onSuccess: () => refresh(),
  });

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={480}>
        <Stack>
          <Title order={1} size="h2">
            Set up your second factor
          </Title>
          <Text>
            Your role sees patient information or runs the service, so signing in needs a code from an authenticator app
            as well as your password. Scan this code with the app (Google Authenticator, Microsoft Authenticator,
            1Password, …), then enter the 6 digits it shows.
          </Text>
          {enrolment.isPending && <Loader aria-label="Preparing the code" />}
          {enrolment.error && (
            <Alert color="red" role="alert">
              {problemSentence(enrolment.error)}
            </Alert>
          )}
          {enrolment.data && (
            <>
              <Center>
                <QRCodeSVG
                  value={enrolment.data.otpauthUri}
                  size={208}
                  marginSize={2}
                  title="QR code for your authenticator app"
                  role="img"
                />
              </Center>
              <Text size="sm">
                Cannot scan? Type this key into the app: <Code data-testid="totp-secret">{enrolment.data.secret}</Code>
              </Text>
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  verify.mutate();
                }}
              >
                <Stack>
                  <TextInput
                    label="Code from your authenticator app"
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    maxLength={6}
                    value={code}
                    onChange={(event) => setCode(event.currentTarget.value.trim())}
                  />
                  {verify.error && (
                    <Alert color="red" role="alert">
                      {problemSentence(verify.error)}
                    </Alert>
                  )}
                  <Group>
                    <Button type="submit" loading={verify.isPending} disabled={!/^\d{6}$/.test(code)}>
                      Confirm
                    </Button>
                    <Button variant="subtle" onClick={() => void signOut('signed-out')}>
                      Sign out
                    </Button>
                  </Group>
                </Stack>
              </form>
            </>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
