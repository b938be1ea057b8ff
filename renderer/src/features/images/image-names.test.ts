import { describe, expect, it } from 'vitest';
import { removalOutcome } from './image-names';

describe('removalOutcome: what docker rmi will do, said before the person confirms', () => {
  const image = { tags: ['app:1', 'app:latest'], usedBy: ['web', 'old-job'] };
  const running = new Set(['web']);

  it('untags when other names stay on the image (docker keeps the image)', () => {
    expect(removalOutcome('app:1', image, ['app:1'], running)).toEqual({ kind: 'untag', keeps: ['app:latest'] });
  });

  it('names the running container when the last name goes: the engine refuses, force or not', () => {
    expect(removalOutcome('app:1', image, ['app:1', 'app:latest'], running)).toEqual({ kind: 'refused', running: ['web'] });
  });

  it('deletes the image when nothing running uses it, naming stopped users', () => {
    expect(removalOutcome('app:1', image, ['app:1', 'app:latest'], new Set())).toEqual({ kind: 'delete', usedBy: ['web', 'old-job'] });
    expect(removalOutcome('solo:1', { tags: ['solo:1'], usedBy: [] }, ['solo:1'], running)).toEqual({ kind: 'delete', usedBy: [] });
  });
});
