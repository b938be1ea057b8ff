import { useEffect, useRef, useState } from 'react';
import type { ComposeEvent, ComposeRunInput } from '../../../../engine/contract/compose-cli';
import type { BerthErrorShape } from '../../../../engine/contract/errors';
import { berth } from '../../rpc/client';
import { toBerthError } from '../../rpc/errors';
import { appendShown, type ShownText } from '../../ui/bounded-lines';
import { OutputFilter } from '../../ui/output-filter';

/** Compose output kept on screen; earlier lines are counted, not kept. */
const maxOutputLines = 5000;

export type ComposeRunPhase =
  | { name: 'idle' }
  | { name: 'running' }
  | { name: 'done'; project?: string }
  | { name: 'failed'; error: BerthErrorShape }
  | { name: 'cancelled' };

/** One Compose run at a time: its live output, how it ended, and a way to stop it (kills Compose). */
export function useComposeRun() {
  const [output, setOutput] = useState<ShownText>({ text: '', dropped: 0 });
  const [phase, setPhase] = useState<ComposeRunPhase>({ name: 'idle' });
  const subscription = useRef<{ unsubscribe(): void } | undefined>(undefined);
  useEffect(() => () => subscription.current?.unsubscribe(), []);

  /** `onDone` hears the project acted on once Compose exits 0. */
  const start = (input: ComposeRunInput, onDone?: (project: string | undefined) => void) => {
    subscription.current?.unsubscribe();
    setOutput({ text: '', dropped: 0 });
    setPhase({ name: 'running' });
    // Shown as text: the bytes' control sequences (colours, cursor moves, titles) are left out, not printed as garbage.
    const filter = new OutputFilter({ colours: false });
    subscription.current = berth.composeCli.run.subscribe(input, {
      onData(event: ComposeEvent) {
        if (event.kind === 'output') {
          const text = filter.push(event.text);
          setOutput((shown) => appendShown(shown, text, maxOutputLines));
        } else if (event.kind === 'done') {
          setPhase({ name: 'done', ...(event.project ? { project: event.project } : {}) });
          onDone?.(event.project);
        }
      },
      onError: (e) => setPhase({ name: 'failed', error: toBerthError(e) }),
    });
  };
  const cancel = () => {
    subscription.current?.unsubscribe();
    subscription.current = undefined;
    setPhase({ name: 'cancelled' });
  };
  return { output, phase, start, cancel };
}
