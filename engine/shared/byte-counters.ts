import { Transform } from 'node:stream';
import { TarReader } from './tar.js';

/** Passes bytes through unchanged, reporting how many went by. */
export function countBytes(onBytes: (count: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      onBytes(chunk.length);
      callback(null, chunk);
    },
  });
}

/**
 * Passes a tar through unchanged, reporting only its files' bytes (not headers or padding), so the
 * count compares with a volume's size as `docker system df` gives it.
 */
export function countTarContent(onBytes: (count: number) => void): Transform {
  const reader = new TarReader(
    () => undefined,
    (entry, chunk) => {
      if (entry.type === 'file') onBytes(chunk.length);
    },
  );
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      try {
        reader.push(chunk);
      } catch {
        // Counting is a courtesy: a tar this reader cannot follow still passes through whole.
      }
      callback(null, chunk);
    },
  });
}
