import { ticketUrl } from '../rpc/door';

/**
 * POSTs one file to the web host through a single-use address minted for it, reporting bytes sent
 * as they go (fetch cannot report an upload's progress; XMLHttpRequest can). Rejects with the host's
 * own message when it refuses the file.
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
    request.onload = () => (request.status >= 200 && request.status < 300 ? resolve() : reject(new Error(`${file.name}: ${request.responseText}`)));
    request.onerror = () => reject(new Error(connectionLost));
    request.send(file);
  });
}
