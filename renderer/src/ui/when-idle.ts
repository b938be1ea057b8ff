/**
 * `work` when the page is idle (at most `timeout` ms later). Safari has no requestIdleCallback;
 * there a short timer stands in, after the current task.
 */
export function whenIdle(work: () => void, { timeout }: { timeout: number }): { cancel(): void } {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout });
    return { cancel: () => cancelIdleCallback(handle) };
  }
  const timer = setTimeout(work, 50);
  return { cancel: () => clearTimeout(timer) };
}

