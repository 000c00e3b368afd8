import { Badge, Button, Group, Modal, PasswordInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, fieldErrors, unwrap, type components } from '../../shared/api';
import { PageHeader, ProblemAlert, QueryState, notifyDone, useFocusReturnOnClose } from '../../shared/ui';
import { useMe } from '../session';
import { ROLE_OPTIONS, ROLE_WORDS, type StaffRole } from './words';
import { formatDate } from '../../shared/time';

type User = components['schemas']['UserDto'];
type UserChanges = components['schemas']['UpdateUserDto'];

const USERS_KEY = ['users'] as const;

/** What the admin is doing to one account: each opens its own dialog. */
type Action = { kind: 'role' | 'disable' | 'enable' | 'reset-totp'; user: User };

/** Staff accounts: who may sign in, with which role; new accounts, role changes, disabling, second-factor resets. */
export default function Users() {
  const me = useMe();
  const users = useQuery({ queryKey: USERS_KEY, queryFn: () => unwrap(api.GET('/api/v1/users')) });
  const [creating, setCreating] = useState(false);
  const [action, setAction] = useState<Action | undefined>();

  return (
    <Stack>
      <PageHeader title="Staff accounts">
        <Button onClick={() => setCreating(true)}>Create a user</Button>
      </PageHeader>
      <Text c="dimmed" size="sm" maw={720}>
        Everyone who signs in to the console. A disabled account keeps its history but cannot sign in. Removing a second
        factor helps someone who lost their phone: they set up a new one at their next sign-in.
      </Text>
      <QueryState query={users} label="Loading the staff accounts">
        <Table.ScrollContainer minWidth={860}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Email</Table.Th>
                <Table.Th scope="col">Role</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Second factor</Table.Th>
                <Table.Th scope="col">Created</Table.Th>
                <Table.Th scope="col">Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data?.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Th scope="row" fw={500}>
                    {user.displayName}
                    {user.id === me.user.id && (
                      <Badge ml="xs" size="sm" variant="outline">
                        You
                      </Badge>
                    )}
                  </Table.Th>
                  <Table.Td>{user.email}</Table.Td>
                  <Table.Td>{ROLE_WORDS[user.role].label}</Table.Td>
                  <Table.Td>
                    <Badge color={user.active ? 'green' : 'gray'} variant="light" miw="max-content">
                      {user.active ? 'Active' : 'Disabled'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{user.totpEnabled ? 'Set up' : 'Not set up'}</Table.Td>
                  <Table.Td>{formatDate(user.createdAt)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`Change role of ${user.displayName}`}
                        onClick={() => setAction({ kind: 'role', user })}
                      >
                        Change role
                      </Button>
                      {user.active ? (
                        <Button
                          size="xs"
                          variant="default"
                          color="red"
                          aria-label={`Disable ${user.displayName}`}
                          onClick={() => setAction({ kind: 'disable', user })}
                        >
                          Disable
                        </Button>
                      ) : (
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`Enable ${user.displayName}`}
                          onClick={() => setAction({ kind: 'enable', user })}
                        >
                          Enable
                        </Button>
                      )}
                      {user.totpEnabled && (
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`Reset second factor of ${user.displayName}`}
                          onClick={() => setAction({ kind: 'reset-totp', user })}
                        >
                          Reset second factor
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </QueryState>
      <CreateUserModal opened={creating} onClose={() => setCreating(false)} />
      {action?.kind === 'role' && <ChangeRoleModal user={action.user} onClose={() => setAction(undefined)} />}
      {action && action.kind !== 'role' && (
        <ConfirmChangeModal action={action as ConfirmAction} onClose={() => setAction(undefined)} />
      )}
    </Stack>
  );
}

/** A change to one account, through PATCH /users/{id}; the list is read again after it. */
function useChangeUser(user: User, onDone: () => void, doneSentence: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: UserChanges) =>
      unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body: changes })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: USERS_KEY });
      notifyDone(doneSentence);
      onDone();
    },
  });
}

const EMPTY_USER = { displayName: '', email: '', role: 'front_desk' as StaffRole, password: '' };

function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: EMPTY_USER,
    validate: {
      displayName: (value) => (value.trim() ? null : 'Enter the name other staff will see'),
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter an email address'),
      password: (value) => (value.length >= 12 ? null : 'At least 12 characters'),
    },
  });
  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };
  const create = useMutation({
    mutationFn: (values: typeof EMPTY_USER) =>
      unwrap(api.POST('/api/v1/users', { body: { ...values, email: values.email.trim() } })),
    onSuccess: async (user) => {
      await queryClient.invalidateQueries({ queryKey: USERS_KEY });
      notifyDone(`${user.displayName} can now sign in as ${user.email}. Give them the initial password in person.`);
      close();
    },
    onError: (error) => {
      // The service's sentence beside the field it is about; the rest above the form.
      if (error instanceof ApiError && error.code === 'email_taken') form.setFieldError('email', error.message);
      else form.setErrors(fieldErrors(error));
    },
  });
  // A taken address is shown under the email field.
  const unplacedError =
    create.error instanceof ApiError && create.error.code === 'email_taken' ? undefined : create.error;

  return (
    <Modal opened={opened} onClose={close} title="Create a user" size="lg">
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Stack>
          <ProblemAlert error={unplacedError} besideFields />
          <TextInput label="Name" description="Shown to other staff" required {...form.getInputProps('displayName')} />
          <TextInput
            label="Email"
            description="They sign in with it; each account has its own"
            type="email"
            autoComplete="off"
            required
            {...form.getInputProps('email')}
          />
          <Select
            label="Role"
            description={ROLE_WORDS[form.values.role].description}
            data={ROLE_OPTIONS}
            allowDeselect={false}
            required
            {...form.getInputProps('role')}
          />
          <PasswordInput
            label="Initial password"
            description="At least 12 characters, not a common password, not made from their name or email. Give it to them in person; they can change it on their account screen."
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <Text size="sm" c="dimmed">
            If the clinic requires a second factor for this role, they set it up with an authenticator app at their
            first sign-in.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create the user
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ChangeRoleModal({ user, onClose }: { user: User; onClose: () => void }) {
  useFocusReturnOnClose();
  const [role, setRole] = useState<StaffRole>(user.role);
  const change = useChangeUser(user, onClose, `${user.displayName} is now ${ROLE_WORDS[role].label}.`);
  return (
    <Modal opened onClose={onClose} title={`Change the role of ${user.displayName}`}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          change.mutate({ role });
        }}
      >
        <Stack>
          <ProblemAlert error={change.error} />
          <Select
            label="Role"
            description={ROLE_WORDS[role].description}
            data={ROLE_OPTIONS}
            value={role}
            onChange={(value) => value && setRole(value)}
            allowDeselect={false}
          />
          <Text size="sm" c="dimmed">
            The new role applies to their next request: screens they may no longer use stop answering at once.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={change.isPending} disabled={role === user.role}>
              Save the role
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type ConfirmAction = Action & { kind: 'disable' | 'enable' | 'reset-totp' };

/** What each confirmed change sends, says before, and says after. */
function confirmation(action: ConfirmAction) {
  const name = action.user.displayName;
  switch (action.kind) {
    case 'disable':
      return {
        title: `Disable ${name}?`,
        body: 'They are signed out everywhere at once and cannot sign in until an admin enables the account again. Their records and history stay.',
        button: 'Disable the account',
        color: 'red.9',
        changes: { active: false },
        done: `${name} is disabled.`,
      };
    case 'enable':
      return {
        title: `Enable ${name}?`,
        body: 'They can sign in again with their password and second factor.',
        button: 'Enable the account',
        color: undefined,
        changes: { active: true },
        done: `${name} can sign in again.`,
      };
    case 'reset-totp':
      return {
        title: `Reset the second factor of ${name}?`,
        body: 'Their authenticator app stops working for this service and they are signed out everywhere. At their next sign-in they set up a new second factor. Do this only when you are sure it is them asking (a lost or replaced phone).',
        button: 'Reset the second factor',
        color: 'red.9',
        changes: { resetTotp: true },
        done: `${name} sets up a new second factor at their next sign-in.`,
      };
  }
}

function ConfirmChangeModal({ action, onClose }: { action: ConfirmAction; onClose: () => void }) {
  useFocusReturnOnClose();
  const words = confirmation(action);
  const change = useChangeUser(action.user, onClose, words.done);
  return (
    <Modal opened onClose={onClose} title={words.title}>
      <Stack>
        <Text>{words.body}</Text>
        <ProblemAlert error={change.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color={words.color} loading={change.isPending} onClick={() => change.mutate(words.changes)}>
            {words.button}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
