import secureJson from 'secure-json-parse';
import { DomainError } from './domain-error.js';

// One rule for every JSON document the service parses (request bodies, and the `metadata` part of
// multipart forms): valid UTF-8, no `__proto__` or `constructor.prototype` keys, and a shape bounded
// before anything walks it, so that neither a recursive walk (validation, class-transformer) nor
// per-element work can be driven by the size of a hostile body.

/** Nesting no request needs, far below what would overflow a recursive walk of the value. */
export const MAX_JSON_DEPTH = 32;
/** Above every list a request may carry (the longest, a clearance batch, takes 500), and every object. */
export const MAX_JSON_ARRAY_ITEMS = 1000;

// A U+FFFD that a lenient decoder left (a form field) is refused with the text rules, by checkText.
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export class InvalidEncodingError extends DomainError {
  constructor(what: string) {
    super('invalid_encoding', 400, `${what} is not valid UTF-8 text.`);
  }
}

/**
 * Checks a JSON body's shape on its bytes (a refused body is never decoded: a 600 KB string per
 * hostile request kept the garbage collector busy), decodes them as UTF-8, refusing any byte
 * sequence that is not, then parses it.
 */
export function parseJsonBytes(bytes: Buffer, what = 'The body'): unknown {
  checkShape(bytes, what);
  let text: string;
  try {
    text = STRICT_UTF8.decode(bytes);
  } catch {
    throw new InvalidEncodingError(what);
  }
  return parseChecked(text, what);
}

/**
 * Parses JSON text after checking its shape in one linear scan that stops at the first excess, so
 * neither a 20,000-deep nesting nor a list of 200,000 items costs more than reading to the limit.
 */
export function parseJsonText(text: string, what = 'The body'): unknown {
  checkShape(text, what);
  return parseChecked(text, what);
}

function parseChecked(text: string, what: string): unknown {
  try {
    return secureJson.parse(text, null, { protoAction: 'error', constructorAction: 'error' }) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/forbidden prototype property/i.test(message)) {
      throw new DomainError(
        'malformed_body',
        400,
        `${what} has a \`__proto__\` or \`constructor.prototype\` key, which the service does not accept.`,
      );
    }
    throw new DomainError('malformed_body', 400, `${what} is not valid JSON.`);
  }
}

/**
 * The same bounds for a value something else already parsed (a form part the multipart plugin read
 * as JSON), checked without recursion.
 */
export function checkParsedShape(value: unknown, what: string): void {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.value === null || typeof next.value !== 'object') continue;
    const depth = next.depth + 1;
    if (depth > MAX_JSON_DEPTH) throw tooDeep(what);
    const children = Array.isArray(next.value) ? (next.value as unknown[]) : Object.values(next.value);
    if (children.length > MAX_JSON_ARRAY_ITEMS) throw tooManyItems(what, !Array.isArray(next.value));
    for (const child of children) pending.push({ value: child, depth });
  }
}

const OPEN_OBJECT = 0x7b; // {
const CLOSE_OBJECT = 0x7d; // }
const OPEN_ARRAY = 0x5b; // [
const CLOSE_ARRAY = 0x5d; // ]
const COMMA = 0x2c;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The structural characters are ASCII, and in UTF-8 no byte of a multi-byte character is ASCII, so
 * the same scan reads text and bytes.
 */
function checkShape(source: string | Buffer, what: string): void {
  // For each open container: the commas seen in it, and whether it is an object.
  const commasIn: number[] = [];
  const isObject: boolean[] = [];
  let inString = false;
  const text = typeof source === 'string';
  for (let index = 0; index < source.length; index++) {
    const char = text ? source.charCodeAt(index) : source[index];
    if (inString) {
      if (char === BACKSLASH) index++;
      else if (char === QUOTE) inString = false;
      continue;
    }
    switch (char) {
      case QUOTE:
        inString = true;
        break;
      case OPEN_OBJECT:
      case OPEN_ARRAY:
        if (commasIn.length >= MAX_JSON_DEPTH) throw tooDeep(what);
        commasIn.push(0);
        isObject.push(char === OPEN_OBJECT);
        break;
      case CLOSE_OBJECT:
      case CLOSE_ARRAY:
        commasIn.pop();
        isObject.pop();
        break;
      case COMMA: {
        const last = commasIn.length - 1;
        const commas = commasIn[last];
        if (commas === undefined) break;
        // n commas separate n + 1 items (or an object's members, bounded alike: an object of 100,000
        // unknown fields would cost a validation error each).
        if (commas + 1 >= MAX_JSON_ARRAY_ITEMS) throw tooManyItems(what, isObject[last] === true);
        commasIn[last] = commas + 1;
        break;
      }
    }
  }
}

function tooDeep(what: string): DomainError {
  return new DomainError('json_too_deep', 400, `${what} is nested more than ${MAX_JSON_DEPTH} levels deep.`, {
    maxDepth: MAX_JSON_DEPTH,
  });
}

function tooManyItems(what: string, inObject: boolean): DomainError {
  return inObject
    ? new DomainError(
        'json_object_too_large',
        400,
        `${what} has an object of more than ${MAX_JSON_ARRAY_ITEMS} fields.`,
        {
          maxItems: MAX_JSON_ARRAY_ITEMS,
        },
      )
    : new DomainError('json_list_too_long', 400, `${what} has a list of more than ${MAX_JSON_ARRAY_ITEMS} items.`, {
        maxItems: MAX_JSON_ARRAY_ITEMS,
      });
}

/**
 * The service's parser for `application/json` bodies, given to Nest's useBodyParser, which takes
 * the parsed body from a promise only.
 */
export async function parseJsonBody(_request: unknown, body: Buffer): Promise<unknown> {
  if (body.length === 0) throw new DomainError('malformed_body', 400, 'The body is empty; send a JSON document.');
  return parseJsonBytes(body);
}
