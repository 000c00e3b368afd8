/**
 * The images an HTML page shows or announces: `<img>` (src, srcset and the lazy-loading data-
 * attributes), `<source srcset>`, the Open Graph and Twitter card images, and `<link rel=image_src>`,
 * resolved against the page (or its `<base href>`), http(s) only, without repeats, in page order.
 * A scan of the markup, not a browser: images added by scripts are not seen.
 */
export function pageImageUrls(html: string, pageUrl: string): string[] {
  const base = baseOf(html, pageUrl);
  const found: string[] = [];
  const add = (reference: string | undefined) => {
    if (!reference) return;
    try {
      const url = new URL(decodeEntities(reference.trim()), base);
      url.hash = '';
      if ((url.protocol === 'http:' || url.protocol === 'https:') && !found.includes(url.href)) found.push(url.href);
    } catch {
      // Not a URL: nothing to fetch.
    }
  };
  for (const [tag, name] of tags(html)) {
    const attributes = attributesOf(tag);
    if (name === 'img') {
      add(attributes.get('src'));
      for (const lazy of ['data-src', 'data-lazy-src', 'data-original']) add(attributes.get(lazy));
      for (const set of ['srcset', 'data-srcset']) srcsetUrls(attributes.get(set)).forEach(add);
    } else if (name === 'source') {
      srcsetUrls(attributes.get('srcset')).forEach(add);
    } else if (name === 'meta') {
      const key = (attributes.get('property') ?? attributes.get('name') ?? '').toLowerCase();
      if (['og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src'].includes(key)) {
        add(attributes.get('content'));
      }
    } else if (name === 'link' && (attributes.get('rel') ?? '').toLowerCase().split(/\s+/).includes('image_src')) {
      add(attributes.get('href'));
    }
  }
  return found;
}

function baseOf(html: string, pageUrl: string): string {
  for (const [tag, name] of tags(html)) {
    if (name !== 'base') continue;
    const href = attributesOf(tag).get('href');
    if (!href) continue;
    try {
      return new URL(decodeEntities(href.trim()), pageUrl).href;
    } catch {
      break;
    }
  }
  return pageUrl;
}

/**
 * The start tags of the markup, each once, with their name, in one pass: comments hide their tags,
 * scripts and styles hold no markup. A hand-written scan rather than regular expressions, whose
 * backtracking on unclosed comments or tags would take time quadratic in a hostile page.
 */
function* tags(html: string): Generator<[string, string]> {
  const lower = html.toLowerCase();
  let at = 0;
  for (;;) {
    const open = html.indexOf('<', at);
    if (open === -1) return;
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      if (close === -1) return;
      at = close + 3;
      continue;
    }
    let nameEnd = open + 1;
    while (nameEnd < html.length && isAsciiLetter(html.charCodeAt(nameEnd))) nameEnd += 1;
    if (nameEnd === open + 1) {
      at = open + 1;
      continue;
    }
    const close = tagEnd(html, nameEnd);
    if (close === -1) return;
    const name = lower.slice(open + 1, nameEnd);
    yield [html.slice(nameEnd, close), name];
    at = close + 1;
    if (name === 'script' || name === 'style') {
      const end = lower.indexOf(`</${name}`, at);
      if (end === -1) return;
      at = end;
    }
  }
}

/** The `>` that ends a tag, skipping quoted attribute values (which may hold `>`); -1 if none. */
function tagEnd(html: string, from: number): number {
  let at = from;
  while (at < html.length) {
    const char = html[at];
    if (char === '>') return at;
    if (char === '"' || char === "'") {
      const end = html.indexOf(char, at + 1);
      if (end === -1) return -1;
      at = end;
    }
    at += 1;
  }
  return -1;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

const SPACE = /\s/;

/** A tag's attributes, first of each name, in one pass (the same rules as the HTML tokenizer, simplified). */
function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  let at = 0;
  const skipSpace = () => {
    while (at < tag.length && (SPACE.test(tag[at]) || tag[at] === '/')) at += 1;
  };
  while (at < tag.length) {
    skipSpace();
    const nameStart = at;
    while (at < tag.length && !SPACE.test(tag[at]) && tag[at] !== '=' && tag[at] !== '/') at += 1;
    const name = tag.slice(nameStart, at).toLowerCase();
    if (name === '') {
      at += 1;
      continue;
    }
    while (at < tag.length && SPACE.test(tag[at])) at += 1;
    if (tag[at] !== '=') continue;
    at += 1;
    while (at < tag.length && SPACE.test(tag[at])) at += 1;
    let value: string;
    const quote = tag[at];
    if (quote === '"' || quote === "'") {
      const end = tag.indexOf(quote, at + 1);
      value = tag.slice(at + 1, end === -1 ? tag.length : end);
      at = end === -1 ? tag.length : end + 1;
    } else {
      const valueStart = at;
      while (at < tag.length && !SPACE.test(tag[at])) at += 1;
      value = tag.slice(valueStart, at);
    }
    if (!attributes.has(name)) attributes.set(name, value);
  }
  return attributes;
}

/** The URLs of a srcset, as the HTML standard splits it: a URL runs to whitespace, descriptors to a comma. */
function srcsetUrls(srcset: string | undefined): string[] {
  const urls: string[] = [];
  let rest = srcset ?? '';
  for (;;) {
    rest = rest.replace(/^[\s,]+/, '');
    if (rest === '') return urls;
    const url = /^\S+/.exec(rest)![0];
    rest = rest.slice(url.length);
    if (url.endsWith(',')) {
      urls.push(url.replace(/,+$/, ''));
      continue;
    }
    urls.push(url);
    const comma = rest.indexOf(',');
    rest = comma === -1 ? '' : rest.slice(comma + 1);
  }
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity: string, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}
