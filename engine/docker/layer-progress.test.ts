import { describe, expect, it } from 'vitest';
import { LayerProgressTracker as PullProgress } from './layer-progress.js';

describe('LayerProgressTracker', () => {
  it('keeps one row per layer with its latest state and sizes', () => {
    const progress = new PullProgress();
    progress.apply({ id: '1.27', status: 'Pulling from library/nginx' });
    progress.apply({ id: 'aaaaaaaaaaaa', status: 'Pulling fs layer' });
    progress.apply({ id: 'bbbbbbbbbbbb', status: 'Already exists' });
    progress.apply({ id: 'aaaaaaaaaaaa', status: 'Downloading', progressDetail: { current: 50, total: 200 } });
    progress.apply({ id: 'aaaaaaaaaaaa', status: 'Download complete' });
    progress.apply({ status: 'Digest: sha256:abc' });
    expect(progress.snapshot()).toEqual([
      { id: 'aaaaaaaaaaaa', status: 'Download complete', current: 200, total: 200 },
      { id: 'bbbbbbbbbbbb', status: 'Already exists' },
    ]);
    expect(progress.status).toBe('Digest: sha256:abc');
  });

  it('remembers the first error, whatever follows', () => {
    const progress = new PullProgress();
    progress.apply({ error: 'boom', errorDetail: { message: 'manifest unknown' } });
    progress.apply({ status: 'Status: Downloaded newer image' });
    expect(progress.error).toBe('manifest unknown');
  });
});
