import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap, type components } from '../shared/api';
import { patientSentence, portalApi } from './session';
import { day, moment } from './words';

export type RevocationScope = components['schemas']['RevocationScopeDto'];
export type Receipt = components['schemas']['PortalReceiptDto'];
type RemovalCase = components['schemas']['PortalCaseDto'];

/** A withdrawal the patient asked for and has yet to confirm; its key makes a repeated send safe. */
export interface PendingWithdrawal {
  scope: RevocationScope;
  question: string;
  what: string;
  idempotencyKey: string;
}

export function pendingWithdrawal(scope: RevocationScope, question: string, what: string): PendingWithdrawal {
  return { scope, question, what, idempotencyKey: crypto.randomUUID() };
}

/** The confirmation: what withdrawing means, then "Yes, withdraw" or "Cancel". */
export function ConfirmWithdrawal({
  pending,
  onClose,
  onReceipt,
}: {
  pending: PendingWithdrawal | undefined;
  onClose: () => void;
  onReceipt: (receipt: Receipt) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const withdraw = useMutation({
    mutationFn: (request: PendingWithdrawal) =>
      unwrap(
        portalApi.POST('/api/v1/portal/revocations', {
          params: { header: { 'Idempotency-Key': request.idempotencyKey } },
          body: { scope: request.scope, language: i18n.language === 'es' ? 'es' : 'en' },
        }),
      ),
    onSuccess: async (receipt) => {
      await queryClient.invalidateQueries({ queryKey: ['portal', 'me'] });
      onReceipt(receipt);
    },
  });
  const { reset } = withdraw;
  useEffect(() => reset(), [pending, reset]);

  return (
    <Modal
      opened={pending !== undefined}
      onClose={onClose}
      title={pending?.question}
      size="lg"
      closeButtonProps={{ 'aria-label': t('cancel') }}
      // After a withdrawal the receipt takes the focus; after a cancel it goes back to the button.
      returnFocus={!withdraw.isSuccess}
    >
      {pending && (
        <Stack>
          <Text>{pending.what}</Text>
          <List spacing="xs">
            <List.Item>{t('confirmEffect')}</List.Item>
            <List.Item>{t('confirmWebsite')}</List.Item>
            <List.Item>{t('confirmRest')}</List.Item>
            <List.Item>{t('confirmPast')}</List.Item>
          </List>
          {withdraw.isError && (
            <Alert color="red" role="alert">
              {patientSentence(withdraw.error)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" size="md" onClick={onClose} disabled={withdraw.isPending}>
              {t('keepConsent')}
            </Button>
            <Button color="red.9" size="md" loading={withdraw.isPending} onClick={() => withdraw.mutate(pending)}>
              {t('yesWithdraw')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** The receipt of a withdrawal just sent: when it took effect, what it covers, what happens next. */
export function ReceiptNotice({ receipt, removalCase }: { receipt: Receipt; removalCase: RemovalCase | undefined }) {
  const { t } = useTranslation();
  const notice = useRef<HTMLDivElement>(null);
  // Moved to, so a screen reader reads the receipt and a phone shows it.
  useEffect(() => notice.current?.focus(), [receipt.id]);
  return (
    <Alert ref={notice} tabIndex={-1} color="green" role="status" title={t('receivedTitle')}>
      <Stack gap="xs">
        <Text size="sm">{t('receivedOn', { when: moment(receipt.receivedAt), what: receipt.inWords })}</Text>
        <Text size="sm">
          {!removalCase
            ? t('nothingToTakeDown')
            : removalCase.status === 'completed'
              ? t('alreadyDown')
              : t('restBy', { day: day(removalCase.dueAt) })}
        </Text>
        <Text size="sm">{t('copySent')}</Text>
      </Stack>
    </Alert>
  );
}
