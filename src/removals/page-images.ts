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

function* tags(html: string): Generator<[string, string]> {
  // Comments hide their tags; scripts and styles hold no markup.
  const visible = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '');
  for (const match of visible.matchAll(/<([a-z]+)\b([^>]*)>/gi)) yield [match[2], match[1].toLowerCase()];
}

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(/([^\s"'=<>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g)) {
    const name = match[1].toLowerCase();
    if (!attributes.has(name)) attributes.set(name, match[2] ?? match[3] ?? match[4]);
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
