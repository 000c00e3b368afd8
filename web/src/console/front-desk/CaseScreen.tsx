import '@mantine/dropzone/styles.css';
import {
  Anchor,
  Button,
  Card,
  FileButton,
  Group,
  Image,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError, multipartBody, problemSentence, unwrap, type components } from '../../shared/api';
import { PageHeader, QueryState } from '../../shared/ui';
import { useCan } from '../session';
import { fetchWithUploadProgress } from './upload-fetch';
import { formatDate } from '../../shared/time';

type Kind = components['schemas']['PhotoUploadMetadataDto']['kind'];
type Photo = components['schemas']['PhotoSummaryDto'];

const KIND_NAMES: Record<Kind, string> = { before: 'Before', after: 'After', progress: 'Progress' };

/** One file on its way: its progress, then its thumbnail or why it was refused. */
interface Upload {
  key: number;
  name: string;
  kind: Kind;
  progress: number;
  state: 'waiting' | 'sending' | 'done' | 'refused';
  photo?: { id: string; thumbUrl: string };
  refusal?: string;
  existing?: { photoId: string; caseId: string };
}

/** A refusal in words a person at the desk can act on. */
function refusalSentence(error: unknown): string {
  if (!(error instanceof ApiError)) return problemSentence(error);
  const limit = error.problem?.maxBytes;
  const sentences: Partial<Record<string, string>> = {
    heic_not_supported:
      'This is a HEIC photo: export it as JPEG and upload again (on the iPhone: Settings › Camera › Formats › Most Compatible).',
    file_too_large: `This file is too large${limit ? `: the limit is ${Math.floor(limit / 1_048_576)} MB` : ''}. Export it smaller and upload again.`,
    unsupported_file_type: 'This file is not a photo the service takes: upload a JPEG, PNG, WebP, TIFF or AVIF image.',
    duplicate_photo: 'This photo was already uploaded for this patient.',
    image_unreadable: 'This image cannot be opened: it is damaged or incomplete. Take or export it again.',
  };
  return (error.code && sentences[error.code]) ?? problemSentence(error);
}

/** A case: its photos, and uploading more by drag and drop or the tablet camera. */
export default function CaseScreen() {
  const { id = '' } = useParams();
  const can = useCan();
  const caseQuery = useQuery({
    queryKey: ['case', id],
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}', { params: { path: { id } } })),
  });
  const data = caseQuery.data;
  return (
    <Stack maw={1024}>
      <PageHeader title={data ? `Case: ${data.procedure}` : 'Case'}>
        {data && (
          <Button component={Link} to={`/patients/${data.patientId}`} variant="default" size="md">
            Back to the patient
          </Button>
        )}
      </PageHeader>
      <QueryState query={caseQuery}>
        {data && (
          <>
            <Text>
              Patient {data.patientCode} · treated {formatDate(data.treatmentDate)} by {data.provider}
            </Text>
            {can('photos.upload') && <PhotoUploader caseId={id} />}
            <PhotoGrid photos={data.photos} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function PhotoGrid({ photos }: { photos: Photo[] }) {
  return (
    <Card withBorder>
      <Title order={2} size="h3" mb="sm">
        Photos of the case
      </Title>
      {photos.length === 0 ? (
        <Text>No photo yet.</Text>
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {photos.map((photo) => (
            <Stack key={photo.id} gap={4}>
              <Image
                src={photo.thumbUrl}
                alt={`${KIND_NAMES[photo.kind]} photo${photo.view ? `, ${photo.view}` : ''}`}
                radius="sm"
              />
              <Text size="sm">
                {KIND_NAMES[photo.kind]}
                {photo.bodyArea ? ` · ${photo.bodyArea}` : ''}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
      )}
    </Card>
  );
}

function PhotoUploader({ caseId }: { caseId: string }) {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Kind>('before');
  const [faceVisible, setFaceVisible] = useState(false);
  const [bodyArea, setBodyArea] = useState('');
  const [view, setView] = useState('');
  const [uploads, setUploads] = useState<Upload[]>([]);
  const nextKey = useRef(0);
  // Files go one after another: each gets the service's whole attention and its own answer.
  const queue = useRef<Promise<void>>(Promise.resolve());

  const update = (key: number, change: Partial<Upload>) =>
    setUploads((current) => current.map((upload) => (upload.key === key ? { ...upload, ...change } : upload)));

  const send = async (key: number, file: File, metadata: components['schemas']['PhotoUploadMetadataDto']) => {
    update(key, { state: 'sending' });
    try {
      const photo = await unwrap(
        api.POST('/api/v1/cases/{id}/photos', {
          params: { path: { id: caseId } },
          body: { file, metadata },
          bodySerializer: multipartBody,
          fetch: fetchWithUploadProgress((fraction) => update(key, { progress: Math.round(fraction * 100) })),
        }),
      );
      update(key, { state: 'done', progress: 100, photo: { id: photo.id, thumbUrl: photo.thumbUrl } });
      void queryClient.invalidateQueries({ queryKey: ['case', caseId] });
      void queryClient.invalidateQueries({ queryKey: ['patient', photo.patientId] });
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : undefined;
      update(key, {
        state: 'refused',
        refusal: refusalSentence(error),
        existing:
          problem?.existingPhotoId && problem.existingCaseId
            ? { photoId: problem.existingPhotoId, caseId: problem.existingCaseId }
            : undefined,
      });
    }
  };

  const addFiles = (files: File[]) => {
    const metadata = {
      kind,
      faceVisible,
      bodyArea: bodyArea.trim() || undefined,
      view: view.trim() || undefined,
    };
    const added = files.map((file) => ({ key: nextKey.current++, file }));
    setUploads((current) => [
      ...added.map(({ key, file }) => ({ key, name: file.name, kind, progress: 0, state: 'waiting' as const })),
      ...current,
    ]);
    for (const { key, file } of added) {
      queue.current = queue.current.then(() => send(key, file, metadata));
    }
  };

  return (
    <Card withBorder>
      <Title order={2} size="h3" mb="sm">
        Upload photos
      </Title>
      <Stack gap="sm">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="photo-kind-label">
            These photos are
          </Text>
          <SegmentedControl
            aria-labelledby="photo-kind-label"
            size="md"
            value={kind}
            onChange={(value) => setKind(value)}
            data={(Object.keys(KIND_NAMES) as Kind[]).map((value) => ({ value, label: KIND_NAMES[value] }))}
          />
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Body area"
            placeholder="nose"
            size="md"
            value={bodyArea}
            onChange={(event) => setBodyArea(event.currentTarget.value)}
          />
          <TextInput
            label="View or angle"
            placeholder="front"
            size="md"
            value={view}
            onChange={(event) => setView(event.currentTarget.value)}
          />
        </SimpleGrid>
        <Switch
          size="md"
          label="The face can be seen"
          checked={faceVisible}
          onChange={(event) => setFaceVisible(event.currentTarget.checked)}
        />
        {/* Every file goes to the service, which judges it by its bytes and says why it refuses one. */}
        <Dropzone
          onDrop={addFiles}
          multiple
          aria-label="Photos: drop them here or choose files"
          inputProps={{ 'aria-label': 'Photo files' }}
        >
          <Stack align="center" gap={4} mih={100} justify="center">
            <Text fw={500}>Drop photos here, or tap to choose them</Text>
            <Text size="sm" c="dimmed">
              JPEG, PNG, WebP, TIFF or AVIF
            </Text>
          </Stack>
        </Dropzone>
        <Group>
          <FileButton onChange={(files) => addFiles(files)} accept="image/*" capture="environment" multiple>
            {(props) => (
              <Button {...props} size="md" variant="default">
                Take a photo with the camera
              </Button>
            )}
          </FileButton>
        </Group>
        {uploads.length > 0 && (
          <Stack gap="xs" aria-label="Uploads" role="list">
            {uploads.map((upload) => (
              <UploadRow key={upload.key} upload={upload} />
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function UploadRow({ upload }: { upload: Upload }) {
  return (
    <Card withBorder padding="sm" role="listitem" aria-label={upload.name}>
      <Group wrap="nowrap" align="flex-start">
        {upload.photo ? (
          <Image
            src={upload.photo.thumbUrl}
            alt={`Thumbnail of ${upload.name}`}
            w={72}
            h={72}
            fit="cover"
            radius="sm"
          />
        ) : null}
        <Stack gap={4} style={{ flex: 1 }}>
          <Text fw={500} size="sm">
            {upload.name} · {KIND_NAMES[upload.kind]}
          </Text>
          {upload.state !== 'refused' && (
            <Progress.Root size="lg">
              <Progress.Section
                value={upload.progress}
                color={upload.state === 'done' ? 'green' : 'blue'}
                animated={upload.state === 'sending'}
                aria-label={`Upload of ${upload.name}`}
              />
            </Progress.Root>
          )}
          <Text
            size="sm"
            c={upload.state === 'refused' ? 'red.8' : 'dimmed'}
            role={upload.state === 'refused' ? 'alert' : undefined}
          >
            {upload.state === 'waiting' && 'Waiting'}
            {upload.state === 'sending' && `Sending: ${upload.progress}%`}
            {upload.state === 'done' && 'Uploaded'}
            {upload.state === 'refused' && upload.refusal}
          </Text>
          {upload.existing && (
            <Group gap="sm">
              <Image
                src={`/api/v1/photos/${upload.existing.photoId}/renditions/thumb`}
                alt="The photo already uploaded"
                w={56}
                h={56}
                fit="cover"
                radius="sm"
              />
              <Anchor component={Link} to={`/cases/${upload.existing.caseId}`} size="sm">
                Open the case that has it
              </Anchor>
            </Group>
          )}
        </Stack>
      </Group>
    </Card>
  );
}
