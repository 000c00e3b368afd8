import '@mantine/dropzone/styles.css';
import { Anchor, Card, Group, Image, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, multipartBody, unwrap } from '../../shared/api';
import { PageHeader, ProblemAlert } from '../../shared/ui';
import { CHANNELS, channelLabel, isChannel, KIND_LABELS, type Channel } from './channels';
import { ReasonsAndRemedies, VerdictBadge } from './ClearanceVerdict';

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/tiff', 'image/avif'];

/** Reverse lookup: which stored photo a file is a copy of, and whether it may be used. */
export default function Lookup() {
  const [channel, setChannel] = useState<Channel>('website');
  const [fileName, setFileName] = useState<string | null>(null);
  const lookup = useMutation({
    mutationFn: (file: File) =>
      unwrap(
        api.POST('/api/v1/clearance/lookup', {
          body: { file, metadata: { channel } },
          bodySerializer: multipartBody,
        }),
      ),
  });
  const matches = lookup.data?.matches ?? [];

  return (
    <Stack maw={960}>
      <PageHeader title="Find a photo by file" />
      <Text>
        Drop an image found in use (a download from a post, a scan of a flyer): the service finds the photo it is a copy
        of, even resized, recompressed or slightly cropped, and says whether it is cleared. The file is not kept.
      </Text>
      <Select
        label="Intended use"
        description="The channel the clearance is checked for"
        data={CHANNELS}
        value={channel}
        onChange={(value) => {
          if (isChannel(value)) setChannel(value);
        }}
        allowDeselect={false}
        maw={320}
      />
      <Dropzone
        onDrop={(files) => {
          const file = files[0];
          if (!file) return;
          setFileName(file.name);
          lookup.mutate(file);
        }}
        accept={IMAGE_TYPES}
        multiple={false}
        loading={lookup.isPending}
        aria-label="Drop an image to look up, or choose one"
      >
        <Stack align="center" gap={4} py="lg" style={{ pointerEvents: 'none' }}>
          <Text fw={600}>Drop an image here, or click to choose one</Text>
          <Text size="sm" c="dimmed">
            JPEG, PNG, WebP, TIFF or AVIF, at least 32 px on each side
          </Text>
        </Stack>
      </Dropzone>
      <ProblemAlert error={lookup.error} />
      {lookup.data && (
        <Stack role="region" aria-label="Lookup result">
          <Title order={2} size="h3">
            {matches.length === 0
              ? `No stored photo matches ${fileName ?? 'this file'}.`
              : `${fileName ?? 'The file'} is a copy of ${matches.length === 1 ? 'one photo' : `${matches.length} photos`}`}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {matches.map((match) => (
              <Card withBorder key={match.photoId}>
                <Group align="flex-start" wrap="nowrap">
                  <Image
                    src={`/api/v1/photos/${match.photoId}/renditions/thumb`}
                    alt={`${KIND_LABELS[match.kind]} photo that matches`}
                    w={120}
                    radius="sm"
                  />
                  <Stack gap={4}>
                    <Anchor component={Link} to={`/photos/${match.photoId}`} fw={600}>
                      {KIND_LABELS[match.kind]} photo
                      {match.view ? `, ${match.view}` : ''}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      Similarity {(match.similarity * 100).toFixed(1)}%
                    </Text>
                    <Group gap="xs">
                      <Text size="sm">{channelLabel(match.clearance.use.channel)}:</Text>
                      <VerdictBadge allowed={match.clearance.allowed} />
                    </Group>
                    <ReasonsAndRemedies verdict={match.clearance} />
                  </Stack>
                </Group>
              </Card>
            ))}
          </SimpleGrid>
        </Stack>
      )}
    </Stack>
  );
}
