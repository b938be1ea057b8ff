import type { BerthErrorShape } from '../../../../engine/contract/errors';
import { ticketUrl } from '../../rpc/door';
import { hostRefusal } from '../../ui/upload';

/** What the web host answered an upload: its JSON result, or its refusal as a structured error. */
export type UploadAnswer<T> = { ok: true; value: T } | { ok: false; error: BerthErrorShape };

/**
 * POSTs `file` to the web host's `href` through a single-use address minted for it (the host takes no
 * cookies) and reads its JSON answer. Progress is the transfer the href names, watched separately.
 * A dropped connection is `connectionLost`, as there is no answer to quote.
 */
export async function uploadForAnswer<T>(href: string, file: File, connectionLost: string): Promise<UploadAnswer<T>> {
  try {
    const response = await fetch(await ticketUrl('POST', href), { method: 'POST', body: file });
    const body = await response.text();
    if (!response.ok) return { ok: false, error: hostRefusal(body) };
    return { ok: true, value: JSON.parse(body) as T };
  } catch (e) {
    return { ok: false, error: { code: 'ENGINE_ERROR', message: e instanceof Error && e.message ? `${connectionLost} (${e.message})` : connectionLost } };
  }
}
