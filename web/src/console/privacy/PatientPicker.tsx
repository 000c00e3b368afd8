import { Button, Group, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap, type components } from '../../shared/api';
import { QueryState } from '../../shared/ui';

export type Patient = components['schemas']['PatientDto'];

/**
 * Finds a patient by name, code, record number or birth date. The search term stays in this
 * component's state: never in the address, where it would enter the browser's history.
 */
export function PatientPicker({
  onPick,
  label = 'Find a patient',
}: {
  onPick: (patient: Patient) => void;
  label?: string;
}) {
  const [term, setTerm] = useState('');
  const [submitted, setSubmitted] = useState('');
  const results = useQuery({
    queryKey: ['patients', 'search', submitted],
    queryFn: () => unwrap(api.GET('/api/v1/patients', { params: { query: { q: submitted, limit: 20 } } })),
    enabled: submitted.length > 0,
  });
  return (
    <Stack gap="sm">
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setSubmitted(term.trim());
        }}
      >
        <Group align="flex-end">
          <TextInput
            label={label}
            description="Name, patient code, record number or birth date"
            value={term}
            onChange={(event) => setTerm(event.currentTarget.value)}
            autoComplete="off"
            style={{ flex: 1, minWidth: 220 }}
          />
          <Button type="submit">Search</Button>
        </Group>
      </form>
      {submitted && (
        <QueryState query={results} label="Searching">
          {results.data && results.data.items.length === 0 && <Text>No patient matches.</Text>}
          {results.data && results.data.items.length > 0 && (
            <Table.ScrollContainer minWidth={420}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Name</Table.Th>
                    <Table.Th scope="col">Born</Table.Th>
                    <Table.Th scope="col">Code</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>Choose</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {results.data.items.map((patient) => (
                    <Table.Tr key={patient.id}>
                      <Table.Td>{patient.fullName}</Table.Td>
                      <Table.Td>{patient.dateOfBirth}</Table.Td>
                      <Table.Td>{patient.code}</Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => onPick(patient)}
                          aria-label={`Choose ${patient.code}`}
                        >
                          Choose
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryState>
      )}
    </Stack>
  );
}
