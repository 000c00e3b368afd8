import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, fieldErrors, unwrap, type components } from '../../shared/api';
import { PageHeader, ProblemAlert, QueryState, notifyDone, useFocusReturnOnClose } from '../../shared/ui';
import { API_KEY_PERMISSION_WORDS, API_KEY_PERMISSIONS, type ApiKeyPermission } from './words';
import { formatDate, formatDateTime } from '../../shared/time';

type ApiKey = components['schemas']['ApiKeyDto'];
type CreatedApiKey = components['schemas']['CreatedApiKeyDto'];

const API_KEYS_KEY = ['api-keys'] as const;

function permissionLabel(permission: string): string {
  return API_KEY_PERMISSION_WORDS[permission as ApiKeyPermission]?.label ?? permission;
}

/** Keys other systems of the clinic (website, CMS) call the service with: create one, see its use, revoke it. */
export default function ApiKeys() {
  const keys = useQuery({ queryKey: API_KEYS_KEY, queryFn: () => unwrap(api.GET('/api/v1/api-keys')) });
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | undefined>();

  return (
    <Stack>
      <PageHeader title="API keys">
        <Button onClick={() => setCreating(true)}>Create an API key</Button>
      </PageHeader>
      <Text c="dimmed" size="sm" maw={720}>
        A key lets another system of the clinic, such as the website, check clearance and record publications. A key
        never reaches patient names, the audit trail or accounts. Revoke a key that leaked or is no longer used.
      </Text>
      <QueryState query={keys} label="Loading the API keys">
        {keys.data?.length === 0 ? (
          <Text>No API keys yet.</Text>
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table striped verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Starts with</Table.Th>
                  <Table.Th scope="col">May</Table.Th>
                  <Table.Th scope="col">Created</Table.Th>
                  <Table.Th scope="col">Last used</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {keys.data?.map((key) => (
                  <Table.Tr key={key.id}>
                    <Table.Th scope="row" fw={500}>
                      {key.name}
                    </Table.Th>
                    <Table.Td>
                      <Code>{key.tokenPrefix}…</Code>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {key.permissions.map((permission) => (
                          <Badge key={permission} variant="light" tt="none">
                            {permissionLabel(permission)}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>{formatDate(key.createdAt)}</Table.Td>
                    <Table.Td>
                      {key.lastUsedAt ? `${formatDateTime(key.lastUsedAt)} from ${key.lastUsedIp ?? '?'}` : 'Never'}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={key.revokedAt ? 'gray' : 'green'} variant="light" miw="max-content">
                        {key.revokedAt ? `Revoked ${formatDateTime(key.revokedAt)}` : 'Works'}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {!key.revokedAt && (
                        <Button
                          size="xs"
                          variant="default"
                          color="red"
                          aria-label={`Revoke ${key.name}`}
                          onClick={() => setRevoking(key)}
                        >
                          Revoke
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      {creating && <CreateApiKeyModal onClose={() => setCreating(false)} />}
      {revoking && <RevokeModal apiKey={revoking} onClose={() => setRevoking(undefined)} />}
    </Stack>
  );
}

/** The form, then (once created) the token, shown this one time. */
function CreateApiKeyModal({ onClose }: { onClose: () => void }) {
  useFocusReturnOnClose();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name: '', permissions: [] as ApiKeyPermission[] },
    validate: {
      name: (value) => (value.trim() ? null : 'Say what the key is for, such as “Clinic website”'),
      permissions: (value) => (value.length > 0 ? null : 'Choose at least one thing the key may do'),
    },
  });
  const create = useMutation({
    mutationFn: (values: typeof form.values) =>
      unwrap(api.POST('/api/v1/api-keys', { body: { name: values.name.trim(), permissions: values.permissions } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: API_KEYS_KEY }),
    onError: (error) => form.setErrors(fieldErrors(error)),
  });
  const created = create.data;

  return (
    <Modal
      opened
      onClose={onClose}
      title={created ? 'Copy the token now' : 'Create an API key'}
      size="lg"
      // Once the token is shown, a stray click beside the dialog or a stray Escape must not lose it.
      closeOnClickOutside={!created}
      closeOnEscape={!created}
    >
      {created ? (
        <CreatedToken apiKey={created} onDone={onClose} />
      ) : (
        <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
          <Stack>
            <ProblemAlert error={create.error} besideFields />
            <TextInput
              label="Name"
              description="What the key is for, so others know which to revoke"
              required
              {...form.getInputProps('name')}
            />
            <Checkbox.Group
              label="What the key may do"
              description="Only these can be given to a key; grant the least the other system needs."
              required
              {...form.getInputProps('permissions')}
            >
              <Stack gap="sm" mt="xs">
                {API_KEY_PERMISSIONS.map((permission) => (
                  <Checkbox
                    key={permission}
                    value={permission}
                    label={API_KEY_PERMISSION_WORDS[permission].label}
                    description={API_KEY_PERMISSION_WORDS[permission].description}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Create the key
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function CreatedToken({ apiKey, onDone }: { apiKey: CreatedApiKey; onDone: () => void }) {
  return (
    <Stack>
      <Alert color="yellow" title="You will not see this token again">
        The service keeps only a fingerprint of it. Copy it now into the other system’s settings or a password manager.
        If it is lost, revoke this key and create a new one.
      </Alert>
      <Text size="sm">
        The key <strong>{apiKey.name}</strong> may:{' '}
        {apiKey.permissions.map((permission) => permissionLabel(permission).toLowerCase()).join(', ')}.
      </Text>
      <Code block data-testid="api-key-token" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
        {apiKey.token}
      </Code>
      <Group justify="space-between">
        <CopyButton value={apiKey.token}>
          {({ copied, copy }) => (
            <Button color={copied ? 'teal' : undefined} onClick={copy}>
              {copied ? 'Token copied' : 'Copy the token'}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={onDone}>
          I have stored it
        </Button>
      </Group>
    </Stack>
  );
}

function RevokeModal({ apiKey, onClose }: { apiKey: ApiKey; onClose: () => void }) {
  useFocusReturnOnClose();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/api-keys/{id}', { params: { path: { id: apiKey.id } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: API_KEYS_KEY });
      notifyDone(`${apiKey.name} is revoked: its token no longer works.`);
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={`Revoke ${apiKey.name}?`}>
      <Stack>
        <Text>
          Its token is refused from this moment: the system using it stops working until it gets a new key. The key
          stays listed, revoked, as a record of what it could do. This cannot be undone.
        </Text>
        <ProblemAlert error={revoke.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red.9" loading={revoke.isPending} onClick={() => revoke.mutate()}>
            Revoke the key
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
