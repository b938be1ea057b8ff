import { isBerthErrorShape, type BerthErrorShape } from '../../../engine/contract/errors';
import { ticketUrl } from '../rpc/door';

/**
 * What the web host answered when it refused a request: the structured error it sends (JSON, worded
 * by errorText in the person's language), or, for a plain-text answer (the host's own English, e.g.
 * a spent ticket), `hostRefused` with the HTTP status, so the person still reads their own language.
 */
export function hostRefusal(body: string, status = 0): BerthErrorShape {
  try {
    const value: unknown = JSON.parse(body);
    if (isBerthErrorShape(value)) return value;
  } catch {
    // Plain text: the host's own English, kept as the message only.
  }
  return { code: 'ENGINE_ERROR', message: body, reason: 'hostRefused', params: { status } };
}

/**
 * POSTs one file to the web host through a single-use address minted for it, reporting bytes sent
 * as they go (fetch cannot report an upload's progress; XMLHttpRequest can). Rejects with the host's
 * refusal (`hostRefusal`) when it refuses the file.
 */
export async function uploadWithProgress(
  url: string,
  file: File,
  onProgress: (sent: number, total: number) => void,
  /** What to say when the connection drops mid-way (no answer to quote then). */
  connectionLost: string,
): Promise<void> {
  const target = await ticketUrl('POST', url);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', target);
    request.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) return resolve();
      const refusal = hostRefusal(request.responseText, request.status);
      // The name goes beside the host's English; a worded refusal's words come from the catalogs.
      reject({ ...refusal, message: `${file.name}: ${refusal.message}` } satisfies BerthErrorShape);
    };
    request.onerror = () => reject(new Error(connectionLost));
    request.send(file);
  });
}
