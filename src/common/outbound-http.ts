import { lookup as resolveName } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { DomainError } from './domain-error.js';
import type { OutboundAddressPolicy } from './networks.js';

const MAX_REDIRECTS = 5;
const USER_AGENT = 'PhotoConsentService-UrlCheckService/1 (+removal evidence)';

export interface OutboundResponse {
  /** The URL that answered, after redirects. */
  url: string;
  /** The address connected to for that URL. */
  address: string;
  /** Every URL that redirected on the way there. */
  redirectedFrom: string[];
  status: number;
  contentType: string | null;
  body: Buffer;
  /** True when the body was cut at the byte cap. */
  truncated: boolean;
  /** True when the server compressed the body although asked not to: it is not read as it came. */
  encoded: boolean;
}

/** A URL the service will not fetch: not http(s), with credentials, or reaching a non-public address. */
export class OutboundUrlRefusedError extends DomainError {
  constructor(detail: string) {
    super('url_not_allowed', 422, detail);
  }
}

/** The fetch failed on the way (no such host, refused, reset, timed out). */
export class OutboundFetchError extends Error {}

/**
 * GET requests to URLs that people supply, without letting them reach into the clinic's network:
 * each host (the first and every redirect's) is resolved, every address it resolves to must be
 * allowed by the policy, and the connection goes to the address that was checked (so a name that
 * resolves differently a moment later cannot slip through). Bodies are read up to a byte cap; the
 * caller's signal bounds the time.
 */
export class OutboundHttp {
  constructor(
    private readonly policy: OutboundAddressPolicy,
    private readonly maxBytes: number,
  ) {}

  async get(rawUrl: string, signal: AbortSignal, accept: string): Promise<OutboundResponse> {
    const redirectedFrom: string[] = [];
    let url = parseOutboundUrl(rawUrl);
    for (;;) {
      if (signal.aborted) throw new OutboundFetchError('the check ran out of time');
      const address = await this.checkedAddress(url, signal);
      const response = await request(url, address, signal, accept, this.maxBytes);
      const location = response.location;
      if (response.status >= 300 && response.status < 400 && location !== undefined) {
        if (redirectedFrom.length === MAX_REDIRECTS)
          throw new OutboundFetchError(`more than ${MAX_REDIRECTS} redirects`);
        redirectedFrom.push(url.href);
        url = parseOutboundUrl(new URL(location, url).href);
        continue;
      }
      return { ...response, url: url.href, address, redirectedFrom };
    }
  }

  private async checkedAddress(url: URL, signal: AbortSignal): Promise<string> {
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    let addresses: string[];
    if (isIP(host) !== 0) {
      addresses = [host];
    } else {
      try {
        // The lookup itself takes no signal: the check stops waiting for it when time is up.
        const resolved = await untilAborted(resolveName(host, { all: true, verbatim: true }), signal);
        addresses = resolved.map((entry) => entry.address);
      } catch {
        if (signal.aborted) throw new OutboundFetchError('the check ran out of time');
        throw new OutboundFetchError(`the host ${host} could not be resolved`);
      }
    }
    const refused = addresses.find((address) => !this.policy.permits(address));
    if (refused !== undefined || addresses.length === 0) {
      // Which address it resolves to is not said: staff would map the clinic's internal names with it.
      throw new OutboundUrlRefusedError(
        `${url.host} is not on the public internet; the service does not connect to loopback, private or ` +
          'link-local networks unless URL_CHECK_ALLOWED_NETWORKS lists them.',
      );
    }
    return addresses[0];
  }
}

function parseOutboundUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new OutboundUrlRefusedError('This is not a URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OutboundUrlRefusedError(`Only http and https URLs are checked, not ${url.protocol}.`);
  }
  if (url.username || url.password) throw new OutboundUrlRefusedError('A URL with credentials in it is not checked.');
  return url;
}

interface RawResponse {
  status: number;
  location?: string;
  contentType: string | null;
  body: Buffer;
  truncated: boolean;
  encoded: boolean;
}

/** `promise`, or a rejection when the signal aborts first; the listener goes either way (a check makes many). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function request(url: URL, address: string, signal: AbortSignal, accept: string, maxBytes: number) {
  const family = isIP(address);
  // Connect to the checked address whatever the name resolves to now; TLS still verifies the name.
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<RawResponse>((resolve, reject) => {
    const outgoing = client.get(
      url,
      {
        lookup: pinned,
        signal,
        headers: { 'user-agent': USER_AGENT, accept, 'accept-encoding': 'identity' },
        agent: false,
      },
      (incoming) => {
        const status = incoming.statusCode ?? 0;
        const location = incoming.headers.location;
        const contentType = incoming.headers['content-type']?.split(';')[0].trim().toLowerCase() || null;
        const encoding = incoming.headers['content-encoding']?.trim().toLowerCase();
        const encoded = encoding !== undefined && encoding !== '' && encoding !== 'identity';
        if (status >= 300 && status < 400 && location !== undefined) {
          incoming.destroy();
          resolve({ status, location, contentType, body: Buffer.alloc(0), truncated: false, encoded });
          return;
        }
        const chunks: Buffer[] = [];
        let length = 0;
        let truncated = false;
        incoming.on('data', (chunk: Buffer) => {
          const room = maxBytes - length;
          if (chunk.length > room) {
            chunks.push(chunk.subarray(0, room));
            length = maxBytes;
            truncated = true;
            incoming.destroy();
            resolve({ status, contentType, body: Buffer.concat(chunks), truncated, encoded });
            return;
          }
          chunks.push(chunk);
          length += chunk.length;
        });
        incoming.on('end', () => resolve({ status, contentType, body: Buffer.concat(chunks), truncated, encoded }));
        incoming.on('error', (error) => reject(fetchError(error, signal)));
      },
    );
    outgoing.on('error', (error) => reject(fetchError(error, signal)));
  });
}

function fetchError(error: Error, signal: AbortSignal): OutboundFetchError {
  if (signal.aborted) return new OutboundFetchError('the check ran out of time');
  const code = (error as NodeJS.ErrnoException).code;
  return new OutboundFetchError(code ? `the connection failed (${code})` : `the connection failed (${error.message})`);
}
