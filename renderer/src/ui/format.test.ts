import { describe, expect, it } from 'vitest';
import { imageShown } from './format';

describe('imageShown', () => {
  it('shortens an image ID as docker ps does, and leaves names alone', () => {
    expect(imageShown('sha256:20bda9047eeedd4398a3463a092f3e51fe34c5df9bd4b3d2ffa61cd0b69dfa28')).toBe('20bda9047eee');
    expect(imageShown('berth-fixture/busybox:latest')).toBe('berth-fixture/busybox:latest');
    expect(imageShown('registry.example:5000/app@sha256:20bda9047eeedd4398a3463a092f3e51fe34c5df9bd4b3d2ffa61cd0b69dfa28')).toBe(
      'registry.example:5000/app@sha256:20bda9047eeedd4398a3463a092f3e51fe34c5df9bd4b3d2ffa61cd0b69dfa28',
    );
  });
});
