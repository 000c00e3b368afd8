import { randomBytes } from 'node:crypto';
import http from 'node:http';

// Plain node:http requests, for the benchmarks' set-up and for their load client (bench/load.ts),
// which runs in a worker thread and so must not import the service.

const BOUNDARY = `----pcs-bench-${randomBytes(8).toString('hex')}`;

export interface Reply {
  status: number;
  /** Bytes of the body: counted always, kept only when `body` is. */
  bytes: number;
  body: Buffer;
}

export function request(
  port: number,
  method: string,
  urlPath: string,
  headers: http.OutgoingHttpHeaders,
  body: Buffer | undefined,
  agent: http.Agent,
  expectedStatus?: number,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request({ host: '127.0.0.1', port, method, path: urlPath, headers, agent }, (response) => {
      const status = response.statusCode ?? 0;
      const keep = status !== expectedStatus;
      const chunks: Buffer[] = [];
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (keep) chunks.push(chunk);
      });
      response.once('end', () => resolve({ status, bytes, body: Buffer.concat(chunks) }));
      response.once('error', reject);
    });
    outgoing.once('error', reject);
    outgoing.end(body);
  });
}

export function text(reply: Reply): string {
  return reply.body.toString('utf8');
}

export type RequestBody = { json: unknown } | { form: Buffer };

/** A multipart form: `metadata` as JSON, then one file part. */
export function form(
  metadata: unknown,
  fileField: string,
  file: { bytes: Buffer; fileName: string; contentType: string },
): RequestBody {
  const head = Buffer.from(
    `--${BOUNDARY}\r\ncontent-disposition: form-data; name="metadata"\r\n\r\n${JSON.stringify(metadata)}\r\n` +
      `--${BOUNDARY}\r\ncontent-disposition: form-data; name="${fileField}"; filename="${file.fileName}"\r\n` +
      `content-type: ${file.contentType}\r\n\r\n`,
  );
  return { form: Buffer.concat([head, file.bytes, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]) };
}

/** One connection for set-up and checks, kept alive between calls. */
const callAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });

export function closeCallAgent(): void {
  callAgent.destroy();
}

/** One request for set-up and checks; the whole answer is read, and parsed when it is JSON. */
export async function call(
  port: number,
  method: string,
  urlPath: string,
  token?: string,
  body?: RequestBody,
): Promise<Reply & { json: unknown }> {
  const headers: http.OutgoingHttpHeaders = token ? { authorization: `Bearer ${token}` } : {};
  let bytes: Buffer | undefined;
  if (body && 'json' in body) {
    bytes = Buffer.from(JSON.stringify(body.json));
    headers['content-type'] = 'application/json';
  } else if (body) {
    bytes = body.form;
    headers['content-type'] = `multipart/form-data; boundary=${BOUNDARY}`;
  }
  if (bytes) headers['content-length'] = bytes.length;
  const reply = await request(port, method, urlPath, headers, bytes, callAgent);
  let json: unknown;
  try {
    json = JSON.parse(text(reply));
  } catch {
    json = undefined;
  }
  return { ...reply, json };
}
