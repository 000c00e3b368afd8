import { Badge, Button, Card, Group, PasswordInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { api, fieldErrors, unwrap } from '../shared/api';
import { PageHeader, ProblemAlert } from '../shared/ui';
import { useMe, useSession } from './session';

/** The signed-in staff member's own account: who they are, their second factor, a new password. */
export default function Account() {
  const me = useMe();
  const { signOut } = useSession();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', repeat: '' },
    validate: {
      currentPassword: (value) => (value ? null : 'Enter your current password'),
      newPassword: (value) => (value.length >= 12 ? null : 'At least 12 characters'),
      repeat: (value, values) => (value === values.newPassword ? null : 'The two new passwords differ'),
    },
  });
  const change = useMutation({
    mutationFn: (values: typeof form.values) =>
      unwrap(
        api.POST('/api/v1/auth/password', {
          body: { currentPassword: values.currentPassword, newPassword: values.newPassword },
        }),
      ),
    // The service ends every session of the account: sign in again with the new password.
    onSuccess: () => signOut('expired'),
    onError: (error) => form.setErrors(fieldErrors(error)),
  });

  return (
    <Stack maw={720}>
      <PageHeader title="Your account" />
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              Name
            </Text>
            <Text>{me.user.displayName}</Text>
          </Stack>
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              Email
            </Text>
            <Text>{me.user.email}</Text>
          </Stack>
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              Second factor
            </Text>
            <Group gap="xs">
              <Badge color={me.user.totpEnabled ? 'green' : 'gray'} variant="light">
                {me.user.totpEnabled ? 'Set up' : 'Not set up'}
              </Badge>
            </Group>
          </Stack>
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              Signed out after
            </Text>
            <Text>{Math.round(me.idleTimeoutSeconds / 60)} minutes without activity</Text>
          </Stack>
        </SimpleGrid>
      </Card>
      <Card withBorder component="section" aria-labelledby="password-heading">
        <form onSubmit={form.onSubmit((values) => change.mutate(values))} noValidate>
          <Stack>
            <Title order={2} size="h4" id="password-heading">
              Change your password
            </Title>
            <Text size="sm" c="dimmed">
              Every session of your account ends, this one too: you sign in again with the new password.
            </Text>
            <ProblemAlert error={change.error} besideFields />
            <PasswordInput
              label="Current password"
              autoComplete="current-password"
              {...form.getInputProps('currentPassword')}
            />
            <PasswordInput
              label="New password"
              description="At least 12 characters, not a common password, not made from your name or email"
              autoComplete="new-password"
              {...form.getInputProps('newPassword')}
            />
            <PasswordInput label="New password again" autoComplete="new-password" {...form.getInputProps('repeat')} />
            <Button type="submit" w="fit-content" loading={change.isPending}>
              Change password
            </Button>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
