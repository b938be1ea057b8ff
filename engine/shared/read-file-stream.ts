import { createReadStream, type ReadStream } from 'node:fs';

/**
 * Hands `use` a stream of the file and closes it afterwards whatever happened, so a call that fails
 * before reading (a volume that is not empty, an engine that refused) leaves no file handle open.
 */
export async function withFileStream<T>(path: string, use: (stream: ReadStream) => Promise<T>): Promise<T> {
  const stream = createReadStream(path);
  try {
    return await use(stream);
  } finally {
    stream.destroy();
  }
}
