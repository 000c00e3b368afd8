import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { pageImageUrls } from './page-images.js';

describe('pageImageUrls', () => {
  const page = 'https://clinic.example/results/rhinoplasty?x=1';

  it('finds img, lazy, srcset, picture sources and card images, resolved and without repeats', () => {
    const html = `
      <html><head>
        <meta property="og:image" content="https://cdn.example/og.jpg">
        <meta name="twitter:image" content='/tw.jpg'>
        <link rel="preload image_src" href="/link.jpg">
      </head><body>
        <IMG SRC="a.jpg" alt="before">
        <img data-src="/lazy.webp" src=placeholder.gif>
        <img srcset="small.jpg 480w, large.jpg 1080w,x.jpg, y.jpg 2x" src="a.jpg#frag">
        <picture><source srcset="/p.avif" type="image/avif"><img src="/p.jpg"></picture>
        <img src="data:image/png;base64,AAAA"><img src="javascript:alert(1)">
        <img src="/q.jpg?w=300&amp;h=200">
      </body></html>`;
    assert.deepEqual(pageImageUrls(html, page), [
      'https://cdn.example/og.jpg',
      'https://clinic.example/tw.jpg',
      'https://clinic.example/link.jpg',
      'https://clinic.example/results/a.jpg',
      'https://clinic.example/results/placeholder.gif',
      'https://clinic.example/lazy.webp',
      'https://clinic.example/results/small.jpg',
      'https://clinic.example/results/large.jpg',
      'https://clinic.example/results/x.jpg',
      'https://clinic.example/results/y.jpg',
      'https://clinic.example/p.avif',
      'https://clinic.example/p.jpg',
      'https://clinic.example/q.jpg?w=300&h=200',
    ]);
  });

  it('resolves against <base href> and ignores commented-out markup and scripts', () => {
    const html = `<base href="https://static.example/gallery/">
      <!-- <img src="/old.jpg"> --><script>document.write('<img src="/scripted.jpg">')</script>
      <img src="b.jpg">`;
    assert.deepEqual(pageImageUrls(html, page), ['https://static.example/gallery/b.jpg']);
  });

  it('finds nothing in a page without images', () => {
    assert.deepEqual(pageImageUrls('<p>This photo has been removed at the patient’s request.</p>', page), []);
  });
});

describe('pageImageUrls on hostile markup', () => {
  // A scan quadratic in the page would take hours on these 2 MB pages (the timeout catches that);
  // one linear in it finishes, finding nothing to fetch.
  it('finishes on large pages left unclosed in every way', () => {
    for (const piece of ['<!--', '<a ', '<script>', '<img src=', 'x=', '<img a="', '<img alt=">" ']) {
      assert.deepEqual(
        pageImageUrls(piece.repeat(Math.floor(2_000_000 / piece.length)), 'https://clinic.example/'),
        [],
      );
    }
  }, 60_000);

  it('reads attribute values that hold ">" and unquoted values', () => {
    assert.deepEqual(
      pageImageUrls('<img alt="before > after" src=/ba.jpg><img src=\'/q.jpg\'>', 'https://c.example/'),
      ['https://c.example/ba.jpg', 'https://c.example/q.jpg'],
    );
  });
});
