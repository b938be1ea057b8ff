import { useCallback, useEffect, useRef, useState } from 'react';
import type { BerthErrorShape } from '../../../engine/contract/errors';
import type { TransferProgress } from '../../../engine/contract/transfer';
import { berth } from './client';
import { toBerthError } from './errors';

const newId = () => crypto.randomUUID();

/**
 * One byte transfer's progress as the trusted side counts it. `nextId` is the id the next transfer
 * will carry (a download link needs it before the click); `begin()` starts watching that id and
 * returns it, so the caller can start the transfer with it. One transfer at a time.
 */
export function useTransfer() {
  const [nextId, setNextId] = useState(newId);
  const [progress, setProgress] = useState<TransferProgress>();
  const subscription = useRef<{ unsubscribe(): void } | undefined>(undefined);
  useEffect(() => () => subscription.current?.unsubscribe(), []);

  const begin = useCallback((): string => {
    const id = nextId;
    subscription.current?.unsubscribe();
    setProgress({ id, state: 'running', bytes: 0 });
    // A new id only once this transfer has ended: a link's href must still carry the watched id when
    // the browser follows it, which is after the click handler's state updates have rendered.
    const show = (snapshot: TransferProgress) => {
      setProgress(snapshot);
      if (snapshot.state !== 'running') setNextId(newId());
    };
    subscription.current = berth.transfers.watch.subscribe(
      { id },
      { onData: show, onError: (e) => show({ id, state: 'failed', bytes: 0, error: toBerthError(e) }) },
    );
    return id;
  }, [nextId]);

  /** The person closed the file dialog: nothing began, so the id stays for the next try. */
  const cancel = useCallback(() => {
    subscription.current?.unsubscribe();
    subscription.current = undefined;
    setProgress(undefined);
  }, []);

  /** The call that carries the transfer failed; whether or not bytes moved, this is how it ended. */
  const fail = useCallback((error: BerthErrorShape) => {
    subscription.current?.unsubscribe();
    subscription.current = undefined;
    setProgress((last) => ({ id: last?.id ?? '', state: 'failed', bytes: last?.bytes ?? 0, ...(last?.total !== undefined ? { total: last.total } : {}), error }));
    setNextId(newId());
  }, []);

  return { nextId, progress, begin, cancel, fail, running: progress?.state === 'running' };
}
