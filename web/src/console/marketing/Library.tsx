import { Anchor, Badge, Card, Group, Image, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useElementSize } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap, type components } from '../../shared/api';
import { PageHeader, QueryState } from '../../shared/ui';
import { CHANNELS, channelLabel, isChannel, KIND_LABELS, type Channel } from './channels';
import { formatDate } from '../../shared/time';

type LibraryPhoto = components['schemas']['LibraryPhotoDto'];
type Kind = LibraryPhoto['kind'];

const PAGE_SIZE = 60;
/** A thumbnail card's height with its caption, and the gap between rows. */
const ROW_HEIGHT = 262;
const CARD_MIN_WIDTH = 170;

/** What a photo is, in words, for its alternative text and caption: never who it shows. */
export function photoDescription(photo: Pick<LibraryPhoto, 'kind' | 'procedure' | 'bodyArea'>): string {
  return [`${KIND_LABELS[photo.kind]} photo`, photo.procedure, photo.bodyArea].filter(Boolean).join(', ');
}

/** The photo library: de-identified thumbnails, filtered, drawn only as they scroll into view. */
export default function Library() {
  const [clearedFor, setClearedFor] = useState<Channel | null>(null);
  const [kind, setKind] = useState<Kind | null>(null);
  const [procedure, setProcedure] = useState('');
  const [bodyArea, setBodyArea] = useState('');
  const [typedProcedure] = useDebouncedValue(procedure.trim(), 300);
  const [typedBodyArea] = useDebouncedValue(bodyArea.trim(), 300);
  const filters = {
    clearedFor: clearedFor ?? undefined,
    kind: kind ?? undefined,
    procedure: typedProcedure || undefined,
    bodyArea: typedBodyArea || undefined,
  };
  const photos = useInfiniteQuery({
    queryKey: ['photos', filters],
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/photos', { params: { query: { ...filters, limit: PAGE_SIZE, before: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = photos.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack>
      <PageHeader title="Photo library" />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <Select
          label="Cleared for"
          placeholder="Any channel"
          data={CHANNELS}
          value={clearedFor}
          onChange={(value) => setClearedFor(isChannel(value) ? value : null)}
          clearable
        />
        <TextInput
          label="Procedure"
          placeholder="e.g. rhinoplasty"
          value={procedure}
          onChange={(event) => setProcedure(event.currentTarget.value)}
        />
        <TextInput
          label="Body area"
          placeholder="e.g. nose"
          value={bodyArea}
          onChange={(event) => setBodyArea(event.currentTarget.value)}
        />
        <Select
          label="Kind"
          placeholder="Any kind"
          data={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))}
          value={kind}
          onChange={(value) => setKind(value === 'before' || value === 'after' || value === 'progress' ? value : null)}
          clearable
        />
      </SimpleGrid>
      <QueryState query={photos} label="Loading photos">
        {items.length === 0 ? (
          <Text role="status">
            {clearedFor
              ? `No photo matches these filters and is cleared for ${channelLabel(clearedFor)} now.`
              : 'No photo matches these filters.'}
          </Text>
        ) : (
          <>
            <Text size="sm" c="dimmed" role="status">
              {photos.hasNextPage
                ? `${items.length} photos shown; more load as you scroll.`
                : `${items.length} photos.`}
              {clearedFor && ` Only photos the patient's consent clears for ${channelLabel(clearedFor)} now.`}
            </Text>
            <PhotoGrid
              photos={items}
              clearedFor={clearedFor}
              loadMore={() => {
                if (photos.hasNextPage && !photos.isFetchingNextPage) void photos.fetchNextPage();
              }}
            />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

/** Rows of thumbnails as wide as the screen allows, only those near the view in the page. */
function PhotoGrid({
  photos,
  clearedFor,
  loadMore,
}: {
  photos: LibraryPhoto[];
  clearedFor: Channel | null;
  loadMore: () => void;
}) {
  const { ref: sizeRef, width } = useElementSize();
  const listRef = useRef<HTMLDivElement | null>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => setScrollMargin(listRef.current?.offsetTop ?? 0), [width]);
  const columns = Math.max(1, Math.floor((width || CARD_MIN_WIDTH) / CARD_MIN_WIDTH));
  const rows = Math.ceil(photos.length / columns);
  // Rows are redrawn in the next frame rather than synchronously on each scroll event, which kept
  // scrolling through thousands of photos free of long tasks.
  const virtualizer = useWindowVirtualizer({
    count: rows,
    estimateSize: () => ROW_HEIGHT,
    overscan: 3,
    scrollMargin,
    useFlushSync: false,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastRow = virtualRows.at(-1)?.index ?? 0;
  useEffect(() => {
    if (lastRow >= rows - 3) loadMore();
  }, [lastRow, rows, loadMore]);

  return (
    <div ref={sizeRef}>
      <div
        ref={listRef}
        role="list"
        aria-label="Photos"
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
      >
        {virtualRows.map((row) => (
          <div
            key={row.key}
            style={{
              position: 'absolute',
              top: 0,
              left: 0,
              width: '100%',
              transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)`,
              display: 'grid',
              gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
              gap: 12,
            }}
          >
            {photos.slice(row.index * columns, row.index * columns + columns).map((photo) => (
              <PhotoCard key={photo.id} photo={photo} clearedFor={clearedFor} />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}

// Memoised: scrolling redraws the rows, not the cards already in them.
const PhotoCard = memo(function PhotoCard({ photo, clearedFor }: { photo: LibraryPhoto; clearedFor: Channel | null }) {
  const description = photoDescription(photo);
  return (
    <Card withBorder padding="xs" role="listitem" h={ROW_HEIGHT - 12}>
      <Card.Section>
        <Image src={photo.thumbUrl} alt={description} loading="lazy" h={150} fit="cover" />
      </Card.Section>
      <Stack gap={2} mt="xs">
        <Anchor component={Link} to={`/photos/${photo.id}`} size="sm" fw={600} lineClamp={2}>
          {description}
        </Anchor>
        <Text size="xs" c="dimmed">
          {photo.patientCode}
          {photo.takenAt ? ` · ${formatDate(photo.takenAt)}` : ''}
        </Text>
        <Group gap={4}>
          {photo.hasPair && (
            <Badge size="xs" variant="light">
              Pair
            </Badge>
          )}
          {photo.faceVisible && (
            <Badge size="xs" variant="light" color="grape">
              Face
            </Badge>
          )}
          {clearedFor && photo.clearance?.allowed && (
            <Badge size="xs" variant="light" color="green">
              Cleared: {channelLabel(clearedFor)}
            </Badge>
          )}
        </Group>
      </Stack>
    </Card>
  );
});
