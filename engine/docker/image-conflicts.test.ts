import { describe, expect, it } from 'vitest';
import { BerthError } from '../contract/errors.js';
import { explainRemoveConflict } from './image-conflicts.js';
import { fromDockerError } from './errors.js';

/** The engine's refusals as Docker 20.10.24 (API 1.41) words them, captured from `docker rmi` on the test engine. */
const engine = {
  lastTagRunning: 'conflict: unable to remove repository reference "qa/solo:1" (must force) - container ea8e3608db3e is using its referenced image 0672170bbac6',
  byIdRunning: 'conflict: unable to delete b376034496b7 (cannot be forced) - image is being used by running container 52a6db05d5d6',
  byIdStopped: 'conflict: unable to delete 661b99955548 (must be forced) - image is being used by stopped container 7642b49e7718',
  byIdTags: 'conflict: unable to delete 661b99955548 (must be forced) - image is referenced in multiple repositories',
};
const refused = (message: string) => fromDockerError({ statusCode: 409, json: { message } });

describe('explainRemoveConflict', () => {
  it('names the running containers and offers no force: the engine refuses force there too', () => {
    for (const message of [engine.lastTagRunning, engine.byIdRunning]) {
      const error = explainRemoveConflict(refused(message), 'qa/solo:1', [{ name: 'web', state: 'running' }, { name: 'old', state: 'exited' }], ['qa/solo:1']);
      expect(error.toShape()).toMatchObject({ code: 'CONFLICT', message, reason: 'imageUsedByRunning', params: { image: 'qa/solo:1', containers: ['web'] } });
    }
  });

  it('counts a paused or restarting container as running, as the engine does', () => {
    const error = explainRemoveConflict(refused(engine.lastTagRunning), 'x:1', [{ name: 'p', state: 'paused' }, { name: 'r', state: 'restarting' }], []);
    expect(error.params).toEqual({ image: 'x:1', containers: ['p', 'r'] });
  });

  it('names stopped containers where force works', () => {
    for (const message of [engine.lastTagRunning, engine.byIdStopped]) {
      const error = explainRemoveConflict(refused(message), 'qa/solo:2', [{ name: 'made', state: 'created' }, { name: 'done', state: 'exited' }], []);
      expect(error.reason).toBe('imageUsedByStopped');
      expect(error.params).toEqual({ image: 'qa/solo:2', containers: ['made', 'done'] });
    }
  });

  it('lists the other tags when the engine refuses for several', () => {
    const error = explainRemoveConflict(refused(engine.byIdTags), '661b99955548', [], ['qa/solo:2', 'qa/solo:3']);
    expect(error.toShape()).toMatchObject({ reason: 'imageHasTags', params: { tags: ['qa/solo:2', 'qa/solo:3'] } });
  });

  it('leaves any other failure as it was', () => {
    const missing = fromDockerError({ statusCode: 404, json: { message: 'No such image: x:1' } });
    expect(explainRemoveConflict(missing, 'x:1', [{ name: 'web', state: 'running' }], [])).toBe(missing);
    const children = refused('conflict: unable to delete 0123456789ab (cannot be forced) - image has dependent child images');
    expect(explainRemoveConflict(children, 'x', [], [])).toBe(children);
    expect(children.toShape()).toMatchObject({ reason: 'engineConflict', engineText: children.message });
    const other = new BerthError('ENGINE_ERROR', 'boom');
    expect(explainRemoveConflict(other, 'x', [], [])).toBe(other);
  });
});
