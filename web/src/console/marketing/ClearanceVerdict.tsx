import { Badge, List, Stack, Text } from '@mantine/core';
import { ApiError } from '../../shared/api';

export interface Verdict {
  allowed: boolean;
  reasons: { code: string; message: string }[];
  remedies: string[];
}

/** "Cleared" or "Not cleared" as a badge. */
export function VerdictBadge({ allowed }: { allowed: boolean }) {
  return (
    <Badge color={allowed ? 'green' : 'red'} variant="light">
      {allowed ? 'Cleared' : 'Not cleared'}
    </Badge>
  );
}

/** Why a use is not cleared, and what would make it pass. */
export function ReasonsAndRemedies({ verdict }: { verdict: Verdict }) {
  if (verdict.allowed) return null;
  return (
    <Stack gap={4}>
      <List size="sm" spacing={2}>
        {verdict.reasons.map((reason) => (
          <List.Item key={reason.code + reason.message}>{reason.message}</List.Item>
        ))}
      </List>
      {verdict.remedies.length > 0 && (
        <Text size="sm" c="dimmed" component="div">
          <Text span fw={600} size="sm" c="var(--mantine-color-text)">
            What would make it pass:{' '}
          </Text>
          {verdict.remedies.join(' ')}
        </Text>
      )}
    </Stack>
  );
}

/** The reasons and remedies a 409 `publication_not_cleared` refusal carries, if it is one. */
export function refusalOf(error: unknown): Verdict | null {
  if (!(error instanceof ApiError) || error.code !== 'publication_not_cleared') return null;
  const { reasons, remedies } = error.problem ?? {};
  return {
    allowed: false,
    reasons: Array.isArray(reasons) ? (reasons as Verdict['reasons']) : [],
    remedies: Array.isArray(remedies) ? (remedies as string[]) : [],
  };
}
