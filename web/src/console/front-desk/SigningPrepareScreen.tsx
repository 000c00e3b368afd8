import {
  Button,
  Card,
  Grid,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api, fieldErrors, unwrap, type components } from '../../shared/api';
import { PageHeader, ProblemAlert, QueryState } from '../../shared/ui';
import { usePatient } from './PatientScreen';
import {
  NO_SCOPE,
  ScopeEditor,
  ScopePreview,
  scopeFromTicks,
  ticksFromScope,
  type ScopeTicks,
  ReleaseElementsFields,
} from './ReleaseParts';
import { RELATIONSHIPS } from './words';

/**
 * The front desk fills in a release form's terms; the service renders the form from them, and the
 * tablet goes to the patient to read and sign it. Nothing is typed in twice: the release is recorded
 * from these terms when the patient signs.
 */
export default function SigningPrepareScreen() {
  const { id = '' } = useParams();
  const amends = new URLSearchParams(useLocation().search).get('amends') ?? undefined;
  const patient = usePatient(id);
  const amended = useQuery({
    queryKey: ['release', amends],
    queryFn: () => unwrap(api.GET('/api/v1/releases/{id}', { params: { path: { id: amends ?? '' } } })),
    enabled: amends !== undefined,
  });
  return (
    <Stack maw={1200}>
      <PageHeader title={amends ? 'Prepare an amendment to sign' : 'Prepare a release to sign'}>
        <Button component={Link} to={`/patients/${id}`} variant="default" size="md">
          Back to the patient
        </Button>
      </PageHeader>
      <QueryState
        query={{
          isPending: patient.isPending || (amends !== undefined && amended.isPending),
          error: patient.error ?? amended.error,
        }}
      >
        {patient.data && (amends === undefined || amended.data) && (
          <Terms
            patientId={id}
            amended={amended.data}
            minor={patient.data.minor}
            guardian={patient.data.guardian ?? undefined}
            email={Boolean(patient.data.contactEmail ?? patient.data.guardian?.contactEmail)}
          />
        )}
      </QueryState>
    </Stack>
  );
}

/** The service names the signer's fields as the API has them; the form holds them flat. */
const SIGNER_FIELDS: Record<string, string> = {
  'signedBy.signerType': 'signerType',
  'signedBy.fullName': 'signerFullName',
  'signedBy.relationship': 'signerRelationship',
  'signedBy.authority': 'signerAuthority',
};

type Release = components['schemas']['ReleaseDto'];

function Terms({
  patientId,
  amended,
  minor,
  guardian,
  email,
}: {
  patientId: string;
  /** The release version the form amends, whose terms it starts from. */
  amended: Release | undefined;
  minor: boolean;
  guardian: { fullName?: string; relationship: string } | undefined;
  email: boolean;
}) {
  const navigate = useNavigate();
  const [ticks, setTicks] = useState<ScopeTicks>(amended ? ticksFromScope(amended.scope) : NO_SCOPE);
  const templates = useQuery({
    queryKey: ['form-templates'],
    queryFn: () => unwrap(api.GET('/api/v1/form-templates')),
  });
  const form = useForm({
    initialValues: {
      templateId: '',
      language: 'en' as 'en' | 'es',
      delivery: 'desk' as 'desk' | 'mail',
      signerType: minor ? 'guardian' : 'patient',
      signerFullName: minor ? (guardian?.fullName ?? '') : '',
      signerRelationship: minor ? (guardian?.relationship ?? 'parent') : 'parent',
      signerAuthority: minor ? 'parent of a minor' : '',
      // An amendment starts from the terms of the version it amends.
      informationDescription: amended?.informationDescription ?? '',
      disclosingParty: amended?.disclosingParty ?? '',
      recipients: amended?.recipients ?? '',
      purpose: amended?.purpose ?? '',
      expiresAt: amended?.expiresAt?.slice(0, 10) ?? '',
      expirationEvent: amended?.expirationEvent ?? '',
      amendmentReason: '',
    },
  });
  const values = form.values;
  const scope = scopeFromTicks(ticks);
  const text = (value: string) => (value.trim() ? value.trim() : undefined);
  const templateId = values.templateId || templates.data?.items[0]?.id || '';
  const template = templates.data?.items.find((each) => each.id === templateId);

  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/patients/{id}/signing-requests', {
          params: { path: { id: patientId } },
          body: {
            templateId,
            language: values.language,
            delivery: values.delivery,
            coversAllCases: true,
            signedBy:
              values.signerType === 'guardian'
                ? {
                    signerType: 'guardian',
                    fullName: text(values.signerFullName),
                    relationship: values.signerRelationship as 'parent',
                    authority: text(values.signerAuthority),
                  }
                : { signerType: 'patient' },
            informationDescription: text(values.informationDescription),
            disclosingParty: text(values.disclosingParty),
            recipients: text(values.recipients),
            purpose: text(values.purpose),
            expiresAt: values.expiresAt ? new Date(`${values.expiresAt}T00:00:00`).toISOString() : undefined,
            expirationEvent: text(values.expirationEvent),
            scope,
            ...(amended ? { amendsReleaseId: amended.id, amendmentReason: text(values.amendmentReason) } : {}),
          },
        }),
      ),
    onSuccess: (request) =>
      void navigate(
        request.delivery === 'desk' ? `/patients/${patientId}/signing/${request.id}` : '/signing-requests',
        { state: { mailedUntil: request.delivery === 'mail' ? request.expiresAt : undefined } },
      ),
    onError: (error) => {
      const errors = fieldErrors(error);
      form.setErrors(
        Object.fromEntries(Object.entries(errors).map(([field, message]) => [SIGNER_FIELDS[field] ?? field, message])),
      );
    },
  });

  return (
    <form onSubmit={form.onSubmit(() => create.mutate())} noValidate>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 7 }}>
          <Stack>
            <Card withBorder>
              <Title order={2} size="h4" mb="sm">
                The form
              </Title>
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <QueryState query={templates} label="Loading the form templates">
                  <Select
                    label="Template"
                    size="md"
                    allowDeselect={false}
                    value={templateId}
                    onChange={(value) => form.setFieldValue('templateId', value ?? '')}
                    data={(templates.data?.items ?? []).map((each) => ({
                      value: each.id,
                      label: `${each.clinicName} — version ${each.version}`,
                    }))}
                  />
                </QueryState>
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="delivery-label">
                    The patient signs
                  </Text>
                  <SegmentedControl
                    aria-labelledby="delivery-label"
                    data={[
                      { value: 'desk', label: 'On this tablet, now' },
                      { value: 'mail', label: 'On their phone: mail a link', disabled: !email },
                    ]}
                    {...form.getInputProps('delivery')}
                  />
                  {form.errors.delivery && (
                    <Text size="sm" c="red.8">
                      {form.errors.delivery}
                    </Text>
                  )}
                </Stack>
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="language-label">
                    The patient reads it in
                  </Text>
                  <SegmentedControl
                    aria-labelledby="language-label"
                    data={[
                      { value: 'en', label: 'English', disabled: template && !template.languages.includes('en') },
                      { value: 'es', label: 'Español', disabled: template && !template.languages.includes('es') },
                    ]}
                    {...form.getInputProps('language')}
                  />
                </Stack>
              </SimpleGrid>
            </Card>
            {amended && (
              <Card withBorder>
                <Title order={2} size="h4" mb="sm">
                  The amendment
                </Title>
                <Text size="sm" mb="sm">
                  Signed, this form becomes version {amended.version + 1} of the release; whatever it no longer allows
                  is taken down as a narrowing amendment’s is.
                </Text>
                <Textarea
                  label="Why the release is amended"
                  required
                  autosize
                  minRows={2}
                  size="md"
                  {...form.getInputProps('amendmentReason')}
                />
              </Card>
            )}
            <Card withBorder>
              <Title order={2} size="h4" mb="sm">
                Who signs
              </Title>
              <Stack gap="sm">
                <SegmentedControl
                  aria-label="Who signs"
                  data={[
                    { value: 'patient', label: 'The patient' },
                    { value: 'guardian', label: 'A guardian' },
                  ]}
                  {...form.getInputProps('signerType')}
                />
                {minor && (
                  <Text size="sm" c="dimmed">
                    The patient is under 18: a guardian must sign.
                  </Text>
                )}
                {values.signerType === 'guardian' && (
                  <SimpleGrid cols={{ base: 1, md: 3 }}>
                    <TextInput label="Guardian’s full name" size="md" {...form.getInputProps('signerFullName')} />
                    <Select
                      label="Relationship"
                      data={RELATIONSHIPS}
                      allowDeselect={false}
                      size="md"
                      {...form.getInputProps('signerRelationship')}
                    />
                    <TextInput
                      label="Authority to sign"
                      size="md"
                      placeholder="parent of a minor"
                      {...form.getInputProps('signerAuthority')}
                    />
                  </SimpleGrid>
                )}
              </Stack>
            </Card>
            <Card withBorder>
              <Title order={2} size="h4" mb="sm">
                Scope
              </Title>
              <ScopeEditor value={ticks} onChange={setTicks} />
            </Card>
            <Card withBorder>
              <Title order={2} size="h4" mb="sm">
                What the form says (45 CFR 164.508)
              </Title>
              <Stack gap="sm">
                <ReleaseElementsFields inputProps={(field) => form.getInputProps(field)} required />
                <Text size="sm" c="dimmed">
                  The template states the right to revoke, that treatment does not depend on signing, that photos may be
                  redisclosed, and the consent to sign electronically.
                  {email
                    ? ' The signed copy is mailed to the address on file.'
                    : ' No email address is on file: print the signed copy for the patient.'}
                </Text>
              </Stack>
            </Card>
            <ProblemAlert error={create.error} besideFields />
            <Group justify="flex-end">
              <Button type="submit" size="md" loading={create.isPending} disabled={!templateId}>
                {values.delivery === 'desk' ? 'Show the form to the patient' : 'Mail the link to sign'}
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 5 }}>
          <Stack pos="sticky" top={72}>
            <ScopePreview scope={scope} />
          </Stack>
        </Grid.Col>
      </Grid>
    </form>
  );
}
