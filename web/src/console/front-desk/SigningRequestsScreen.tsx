import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { api, unwrap, type components } from '../../shared/api';
import { PageHeader, ProblemAlert, QueryState } from '../../shared/ui';

type State = components['schemas']['SigningRequestState'];

const STATES: { value: State; label: string }[] = [
  { value: 'pending', label: 'Waiting' },
  { value: 'expired', label: 'Expired' },
  { value: 'signed', label: 'Signed' },
  { value: 'cancelled', label: 'Cancelled' },
];

const when = (value: string) => new Date(value).toLocaleString();

/** The release forms made for patients to sign: those still waiting, and what became of the rest. */
export default function SigningRequestsScreen() {
  const [state, setState] = useState<State>('pending');
  const mailedUntil = (useLocation().state as { mailedUntil?: string } | null)?.mailedUntil;
  const queryClient = useQueryClient();
  const requests = useQuery({
    queryKey: ['signing-requests', state],
    queryFn: () => unwrap(api.GET('/api/v1/signing-requests', { params: { query: { status: state } } })),
  });
  const cancel = useMutation({
    mutationFn: (request: { id: string; patientId: string }) =>
      unwrap(
        api.POST('/api/v1/patients/{id}/signing-requests/{requestId}/cancel', {
          params: { path: { id: request.patientId, requestId: request.id } },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['signing-requests'] }),
  });
  return (
    <Stack maw={960}>
      <PageHeader title="Forms to sign" />
      {mailedUntil && (
        <Alert color="green" role="status">
          The link to sign was mailed to the address on file. It works until {when(mailedUntil)}; the form waits here
          until then.
        </Alert>
      )}
      <SegmentedControl
        aria-label="Which forms"
        data={STATES}
        value={state}
        onChange={(value) => setState(value)}
        w="fit-content"
      />
      <ProblemAlert error={cancel.error} />
      <Card withBorder>
        <QueryState query={requests} label="Loading the forms">
          {requests.data?.items.length === 0 ? (
            <Text c="dimmed">No forms here.</Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Patient</Table.Th>
                    <Table.Th>Made</Table.Th>
                    <Table.Th>{state === 'signed' ? 'Signed' : 'Expires'}</Table.Th>
                    <Table.Th>Signs</Table.Th>
                    <Table.Th>Language</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {requests.data?.items.map((request) => (
                    <Table.Tr key={request.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/patients/${request.patientId}`}>
                          {request.patientCode}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{when(request.createdAt)}</Table.Td>
                      <Table.Td>{when(request.signedAt ?? request.expiresAt)}</Table.Td>
                      <Table.Td>{request.delivery === 'desk' ? 'At the desk' : 'By mailed link'}</Table.Td>
                      <Table.Td>{request.language === 'es' ? 'Español' : 'English'}</Table.Td>
                      <Table.Td>
                        <Group gap="xs" justify="flex-end" wrap="nowrap">
                          {request.status === 'pending' && (
                            <>
                              {request.delivery === 'desk' && (
                                <Button
                                  component={Link}
                                  to={`/patients/${request.patientId}/signing/${request.id}`}
                                  size="xs"
                                  aria-label={`Open the form for ${request.patientCode}`}
                                >
                                  Open
                                </Button>
                              )}
                              <Button
                                size="xs"
                                variant="default"
                                loading={cancel.isPending && cancel.variables?.id === request.id}
                                onClick={() => cancel.mutate(request)}
                                aria-label={`Cancel the form for ${request.patientCode}`}
                              >
                                Cancel
                              </Button>
                            </>
                          )}
                          {request.releaseId && (
                            <Button component={Link} to={`/releases/${request.releaseId}`} size="xs" variant="default">
                              Release
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryState>
      </Card>
    </Stack>
  );
}
