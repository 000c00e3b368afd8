import {
  Button,
  Card,
  Checkbox,
  Fieldset,
  Group,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, fieldErrors, unwrap, type components } from '../../shared/api';
import { formatDateTime } from '../../shared/time';
import { PageHeader, ProblemAlert, QueryState, notifyDone } from '../../shared/ui';

type Template = components['schemas']['FormTemplateDto'];
type Wording = components['schemas']['FormWordingDto'];
type Language = 'en' | 'es';

const LANGUAGES: { code: Language; name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Spanish' },
];

/** The clinic's paragraphs of a form, in the order the patient reads them, each with what it must say. */
const PARAGRAPHS: { key: Exclude<keyof Wording, 'title'>; label: string; description: string }[] = [
  { key: 'introduction', label: 'Introduction', description: 'What the form is for, in the clinic’s words.' },
  {
    key: 'rightToRevoke',
    label: 'Right to revoke',
    description: 'The right to revoke in writing, how to do it, and its exceptions (164.508(c)(2)(i)).',
  },
  {
    key: 'treatmentNotConditioned',
    label: 'Treatment not conditioned',
    description: 'Treatment, payment and eligibility do not depend on signing (164.508(c)(2)(ii)).',
  },
  {
    key: 'redisclosure',
    label: 'Redisclosure',
    description: 'What is published may be copied by others and no longer be protected (164.508(c)(2)(iii)).',
  },
  {
    key: 'electronicSignatureDisclosure',
    label: 'Signing electronically',
    description: 'The ESIGN Act / UETA disclosure: consent to sign electronically, a paper copy on request.',
  },
  { key: 'closing', label: 'Closing (optional)', description: 'Anything the clinic adds at the end.' },
];

const templatesKey = ['form-templates'];

/**
 * The release form templates the privacy officer keeps: the clinic's wording around what the
 * service fills in from each release, in English and Spanish. Each publication is a new version.
 */
export default function FormTemplates() {
  const [openId, setOpenId] = useState<string>();
  const templates = useQuery({
    queryKey: templatesKey,
    queryFn: () => unwrap(api.GET('/api/v1/form-templates')),
  });
  const shownId = openId ?? templates.data?.items[0]?.id;
  return (
    <Stack maw={960}>
      <PageHeader title="Form templates" />
      <Card withBorder component="section" aria-labelledby="templates-heading">
        <Title order={2} size="h4" id="templates-heading" mb="sm">
          Templates
        </Title>
        <QueryState query={templates} label="Loading the templates">
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Clinic</Table.Th>
                  <Table.Th scope="col">Newest version</Table.Th>
                  <Table.Th scope="col">Languages</Table.Th>
                  <Table.Th scope="col">Published</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>Open</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {templates.data?.items.map((template) => (
                  <Table.Tr key={template.id}>
                    <Table.Td>{template.clinicName}</Table.Td>
                    <Table.Td>{template.version}</Table.Td>
                    <Table.Td>{languageNames(template.languages)}</Table.Td>
                    <Table.Td>{formatDateTime(template.publishedAt)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setOpenId(template.id)}
                        aria-label={`Open ${template.clinicName}, version ${template.version}`}
                      >
                        Open
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </QueryState>
      </Card>
      {shownId && <TemplateVersion key={shownId} id={shownId} onOpen={setOpenId} />}
    </Stack>
  );
}

function languageNames(codes: string[]): string {
  return LANGUAGES.filter((language) => codes.includes(language.code))
    .map((language) => language.name)
    .join(', ');
}

function TemplateVersion({ id, onOpen }: { id: string; onOpen: (id: string) => void }) {
  const [editing, setEditing] = useState(false);
  const version = useQuery({
    queryKey: [...templatesKey, id],
    queryFn: () => unwrap(api.GET('/api/v1/form-templates/{id}', { params: { path: { id } } })),
  });
  return (
    <QueryState query={version} label="Loading the template">
      {version.data && (
        <>
          <Card withBorder component="section" aria-labelledby="version-heading">
            <Stack>
              <Group justify="space-between">
                <Title order={2} size="h4" id="version-heading">
                  {version.data.clinicName}, version {version.data.version}
                </Title>
                {!editing && <Button onClick={() => setEditing(true)}>Publish a new version</Button>}
              </Group>
              <Text size="sm">
                Published {formatDateTime(version.data.publishedAt)}. A version never changes: forms signed under it
                always read as they did.
              </Text>
              <Group gap="xs" aria-label="Versions">
                {version.data.versions.map((each) => (
                  <Button
                    key={each.id}
                    size="xs"
                    variant={each.id === id ? 'filled' : 'default'}
                    aria-current={each.id === id ? 'true' : undefined}
                    onClick={() => onOpen(each.id)}
                  >
                    Version {each.version}
                  </Button>
                ))}
              </Group>
              <WordingTabs template={version.data} />
            </Stack>
          </Card>
          {editing && <PublishVersion base={version.data} onPublished={onOpen} onCancel={() => setEditing(false)} />}
        </>
      )}
    </QueryState>
  );
}

function WordingTabs({ template }: { template: Template }) {
  const offered = LANGUAGES.filter((language) => template.wording[language.code]);
  return (
    <Tabs defaultValue={offered[0]?.code}>
      <Tabs.List>
        {offered.map((language) => (
          <Tabs.Tab key={language.code} value={language.code}>
            {language.name}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {offered.map((language) => {
        const wording = template.wording[language.code] as Wording;
        return (
          <Tabs.Panel key={language.code} value={language.code} pt="sm">
            <Stack gap="xs" lang={language.code}>
              <Title order={3} size="h5">
                {wording.title}
              </Title>
              {PARAGRAPHS.filter((paragraph) => wording[paragraph.key]).map((paragraph) => (
                <div key={paragraph.key}>
                  <Text size="sm" fw={600}>
                    {paragraph.label}
                  </Text>
                  <Text size="sm">{wording[paragraph.key]}</Text>
                </div>
              ))}
            </Stack>
          </Tabs.Panel>
        );
      })}
    </Tabs>
  );
}

type WordingValues = Record<keyof Wording, string>;

function wordingValues(wording: Wording | undefined): WordingValues {
  return {
    title: wording?.title ?? '',
    introduction: wording?.introduction ?? '',
    rightToRevoke: wording?.rightToRevoke ?? '',
    treatmentNotConditioned: wording?.treatmentNotConditioned ?? '',
    redisclosure: wording?.redisclosure ?? '',
    electronicSignatureDisclosure: wording?.electronicSignatureDisclosure ?? '',
    closing: wording?.closing ?? '',
  };
}

function PublishVersion({
  base,
  onPublished,
  onCancel,
}: {
  base: Template;
  onPublished: (id: string) => void;
  onCancel: () => void;
}) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      clinicName: base.clinicName,
      offered: { en: Boolean(base.wording.en), es: Boolean(base.wording.es) },
      wording: { en: wordingValues(base.wording.en), es: wordingValues(base.wording.es) },
    },
  });
  const publish = useMutation({
    mutationFn: (values: typeof form.values) =>
      unwrap(
        api.POST('/api/v1/form-templates/{id}/versions', {
          params: { path: { id: base.id } },
          body: {
            clinicName: values.clinicName,
            wording: Object.fromEntries(
              LANGUAGES.filter((language) => values.offered[language.code]).map((language) => {
                const { closing, ...required } = values.wording[language.code];
                return [language.code, { ...required, closing: closing.trim() ? closing : null }];
              }),
            ),
          },
        }),
      ),
    onSuccess: (published) => {
      notifyDone(`Version ${published.version} is published.`);
      void queryClient.invalidateQueries({ queryKey: templatesKey });
      onPublished(published.id);
    },
    onError: (error) => form.setErrors(fieldErrors(error)),
  });
  return (
    <Card withBorder component="section" aria-labelledby="publish-heading">
      <form onSubmit={form.onSubmit((values) => publish.mutate(values))} noValidate>
        <Stack>
          <Title order={2} size="h4" id="publish-heading">
            Publish version {base.versions[0].version + 1}
          </Title>
          <Text size="sm">
            Plain text only. The service fills in the rest of each form from the release: the photographs and cases, who
            discloses and receives them, the purpose, each channel allowed and denied, the conditions and the expiry.
          </Text>
          <TextInput label="Clinic name" required {...form.getInputProps('clinicName')} />
          {LANGUAGES.map((language) => (
            <Fieldset key={language.code} legend={language.name} lang={language.code}>
              <Stack>
                <Checkbox
                  label={`Offer the form in ${language.name}`}
                  {...form.getInputProps(`offered.${language.code}`, { type: 'checkbox' })}
                />
                {form.values.offered[language.code] && (
                  <>
                    <TextInput label="Title" required {...form.getInputProps(`wording.${language.code}.title`)} />
                    {PARAGRAPHS.map((paragraph) => (
                      <Textarea
                        key={paragraph.key}
                        label={paragraph.label}
                        description={paragraph.description}
                        required={paragraph.key !== 'closing'}
                        autosize
                        minRows={2}
                        {...form.getInputProps(`wording.${language.code}.${paragraph.key}`)}
                      />
                    ))}
                  </>
                )}
              </Stack>
            </Fieldset>
          ))}
          <ProblemAlert error={publish.error} besideFields />
          <Group>
            <Button type="submit" loading={publish.isPending}>
              Publish
            </Button>
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
