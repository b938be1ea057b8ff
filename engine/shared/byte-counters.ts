import { Transform } from 'node:stream';
import { extract } from 'tar-stream';

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
  const extractor = extract();
  let broken = false;
  extractor.on('entry', (header, body, next) => {
    body.on('data', (chunk: unknown) => {
      if (header.type === 'file') onBytes((chunk as Buffer).length);
    });
    body.on('end', () => next());
    body.resume();
  });
  // Counting is a courtesy: a tar the reader cannot follow still passes through whole, uncounted.
  let waiting: (() => void) | undefined;
  extractor.on('error', () => {
    broken = true;
    waiting?.();
  });
  extractor.on('drain', () => waiting?.());
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      // The bytes move on once the counter has taken them, so it never piles them up.
      if (broken || extractor.write(chunk)) return callback(null, chunk);
      waiting = () => {
        waiting = undefined;
        callback(null, chunk);
      };
    },
    flush(callback) {
      if (!broken) extractor.end(undefined);
      callback();
    },
  });
}

/**
 * `source` piped through a byte counter, for streaming into the engine: when the source fails or
 * closes before its end (a page that went away mid-upload), the counter is destroyed too, so the
 * engine's request ends with an error instead of waiting for bytes that will never come (pipe()
 * alone would leave it open).
 */
export function countedSource(source: NodeJS.ReadableStream, onBytes: (count: number) => void): Transform {
  const counter = countBytes(onBytes);
  const fail = (error?: Error) => counter.destroy(error ?? new Error('The upload stopped before its end.'));
  source.on('error', fail);
  source.on('close', () => {
    if (!(source as { readableEnded?: boolean }).readableEnded) fail();
  });
  return source.pipe(counter);
}
