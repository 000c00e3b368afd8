import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { LookupService } from '../rights/lookup.service.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/domain-error.js';
import { OutboundAddressPolicy } from '../common/networks.js';
import { OutboundFetchError, OutboundHttp, type OutboundResponse } from '../common/outbound-http.js';
import { AppConfig } from '../config/app-config.js';
import type { LookupQuery } from '../images/fingerprint.js';
import { ImageService } from '../images/image.service.js';
import { pageImageUrls } from './page-images.js';

/** A page showing more images than this is not checked image by image (too slow to be a check). */
export const MAX_PAGE_IMAGES = 24;
const PAGE_ACCEPT = 'text/html,application/xhtml+xml,image/*;q=0.9,*/*;q=0.5';
const IMAGE_ACCEPT = 'image/avif,image/webp,image/jpeg,image/png,image/*;q=0.8';
/** Image types that are not photographs (logos, icons, animations): not compared. */
const NOT_PHOTOGRAPHS = new Set([
  'image/svg+xml',
  'image/gif',
  'image/x-icon',
  'image/vnd.microsoft.icon',
  'image/bmp',
]);
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/**
 * - `gone`: the URL (or a redirect on its own site) answers 404 or 410;
 * - `not_referenced`: the page answers, shows images, and none of them is a copy of the photo (nor is
 *   the image URL given still on it);
 * - `image_replaced`: the URL serves an image, and it is not a copy of the photo;
 * - `still_present`: the photo is still there;
 * - `inconclusive`: the check could not tell (an error status, a timeout, an image it could not read).
 */
export type UrlCheckOutcome = 'gone' | 'not_referenced' | 'image_replaced' | 'still_present' | 'inconclusive';

export interface UrlCheckResult {
  outcome: UrlCheckOutcome;
  /** Whether the check shows the publication came down. */
  passed: boolean;
  /** In plain words, what the check saw. */
  finding: string;
  url: string;
  imageUrl: string | null;
  checkedAt: string;
  /** What answered: the URL after redirects, the address connected to, the status, and a hash of the body. */
  response: {
    url: string;
    /** The IP address connected to. */
    connectedTo: string;
    redirectedFrom: string[];
    status: number;
    contentType: string | null;
    bytes: number;
    sha256: string;
  } | null;
  /** For a page: the images it shows that were compared with the photo, and those that could not be. */
  imagesCompared: string[];
  imagesNotChecked: { url: string; why: string }[];
  /** The image found to be a copy of the photo. */
  matchedImageUrl: string | null;
}

type Finding = Pick<UrlCheckResult, 'outcome' | 'finding'> &
  Partial<Pick<UrlCheckResult, 'imagesCompared' | 'imagesNotChecked' | 'matchedImageUrl'>>;

/**
 * The service's own check that a publication came down (docs/architecture.md §3): it fetches the publication's
 * URL itself, within a time limit and a byte cap and only from public addresses (or the private
 * networks the operator allowed), and passes on 404/410 or when the page no longer shows the photo,
 * recognised by its fingerprint as a reverse lookup does, whatever the copy's size or crop.
 */
@Injectable()
export class UrlCheckService {
  private readonly http: OutboundHttp;
  private readonly timeoutMs: number;

  constructor(
    config: AppConfig,
    private readonly images: ImageService,
    private readonly lookup: LookupService,
    private readonly clock: Clock,
  ) {
    this.http = new OutboundHttp(new OutboundAddressPolicy(config.urlCheck.allowedNetworks), config.urlCheck.maxBytes);
    this.timeoutMs = config.urlCheck.timeoutMs;
  }

  /** Checks `url` for the photo; refuses (422) a URL it may not fetch, before connecting anywhere. */
  async check(photoId: string, url: string, imageUrl: string | null): Promise<UrlCheckResult> {
    const checkedAt = this.clock.now().toISOString();
    const signal = AbortSignal.timeout(this.timeoutMs);
    const base = { url, imageUrl, checkedAt, imagesCompared: [], imagesNotChecked: [], matchedImageUrl: null };
    let page: OutboundResponse;
    try {
      page = await this.http.get(url, signal, PAGE_ACCEPT);
    } catch (error) {
      if (!(error instanceof OutboundFetchError)) throw error;
      return {
        ...base,
        ...inconclusive(`The URL could not be fetched: ${error.message}.`),
        passed: false,
        response: null,
      };
    }
    const response = {
      url: page.url,
      connectedTo: page.address,
      redirectedFrom: page.redirectedFrom,
      status: page.status,
      contentType: page.contentType,
      bytes: page.body.length,
      sha256: createHash('sha256').update(page.body).digest('hex'),
    };
    const finding = await this.judge(photoId, url, page, imageUrl, signal);
    return { ...base, ...finding, passed: PASSING.has(finding.outcome), response };
  }

  private async judge(
    photoId: string,
    url: string,
    page: OutboundResponse,
    imageUrl: string | null,
    signal: AbortSignal,
  ): Promise<Finding> {
    if (page.status === 404 || page.status === 410) {
      // Gone from where it was published: a redirect to another site that answers 404 says nothing of it.
      if (new URL(page.url).origin !== new URL(url).origin) {
        return inconclusive(
          `The URL redirects to another site (${new URL(page.url).host}), which answers ${page.status}.`,
        );
      }
      return { outcome: 'gone', finding: `The URL answers ${page.status}: the page is gone.` };
    }
    if (page.status < 200 || page.status > 299) {
      return inconclusive(`The URL answers ${page.status}, which shows neither the photo nor its removal.`);
    }
    if (page.truncated) return inconclusive('The response is larger than URL_CHECK_MAX_BYTES allows to read.');
    if (page.encoded) return inconclusive('The response came compressed although the check asked for it plain.');
    if (page.contentType?.startsWith('image/')) {
      const query = await this.queryOf(page);
      if (typeof query === 'string') return inconclusive(`The URL serves an image that ${query}.`);
      const copy = await this.lookup.isCopyOf(query, photoId);
      if (copy === null) return inconclusive('The photo has no fingerprint to compare with.');
      return copy
        ? { outcome: 'still_present', finding: 'The URL still serves a copy of the photo.', matchedImageUrl: page.url }
        : { outcome: 'image_replaced', finding: 'The URL serves an image that is not a copy of the photo.' };
    }
    if (page.contentType === null || HTML_TYPES.has(page.contentType)) {
      return this.judgePage(photoId, page, imageUrl, signal);
    }
    return inconclusive(`The URL answers with ${page.contentType}, which is neither a page nor an image.`);
  }

  private async judgePage(
    photoId: string,
    page: OutboundResponse,
    imageUrl: string | null,
    signal: AbortSignal,
  ): Promise<Finding> {
    const html = page.body.toString('utf8');
    const shown = pageImageUrls(html, page.url);
    if (imageUrl !== null) {
      const named = new URL(imageUrl);
      const stillNamed = shown.find((url) => sameResource(new URL(url), named));
      if (stillNamed !== undefined || (named.pathname.length > 1 && html.includes(named.pathname))) {
        return {
          outcome: 'still_present',
          finding: 'The page still refers to the image URL given.',
          matchedImageUrl: stillNamed ?? imageUrl,
        };
      }
    }
    if (shown.length > MAX_PAGE_IMAGES) {
      return inconclusive(
        `The page shows ${shown.length} images, more than the ${MAX_PAGE_IMAGES} the check compares; ` +
          'send a screenshot or an attestation instead.',
      );
    }
    if (shown.length === 0) {
      // A login wall, a consent banner or a page built by scripts shows no images to a plain fetch
      // either: no images is no proof that the photo came down.
      return inconclusive(
        'The page shows no images to the check (a login wall or a page built by scripts looks like this); ' +
          'send a screenshot or an attestation instead.',
      );
    }
    const imagesCompared: string[] = [];
    const imagesNotChecked: { url: string; why: string }[] = [];
    for (const url of shown) {
      let image: OutboundResponse;
      try {
        image = await this.http.get(url, signal, IMAGE_ACCEPT);
      } catch (error) {
        if (!(error instanceof OutboundFetchError) && !(error instanceof DomainError)) throw error;
        imagesNotChecked.push({ url, why: error.message });
        continue;
      }
      if (image.status === 404 || image.status === 410) continue;
      if (image.status < 200 || image.status > 299) {
        imagesNotChecked.push({ url, why: `it answers ${image.status}` });
        continue;
      }
      if (image.contentType !== null && NOT_PHOTOGRAPHS.has(image.contentType)) continue;
      if (image.truncated || image.encoded) {
        imagesNotChecked.push({
          url,
          why: image.encoded ? 'it came compressed' : 'it is larger than URL_CHECK_MAX_BYTES',
        });
        continue;
      }
      const query = await this.queryOf(image);
      if (typeof query === 'string') {
        imagesNotChecked.push({ url, why: `it ${query}` });
        continue;
      }
      const copy = await this.lookup.isCopyOf(query, photoId);
      if (copy === null) return inconclusive('The photo has no fingerprint to compare with.');
      imagesCompared.push(url);
      if (copy) {
        return {
          outcome: 'still_present',
          finding: 'The page still shows a copy of the photo.',
          imagesCompared,
          imagesNotChecked,
          matchedImageUrl: url,
        };
      }
    }
    if (imagesNotChecked.length > 0) {
      return {
        ...inconclusive(`${imagesNotChecked.length} of the page's images could not be compared with the photo.`),
        imagesCompared,
        imagesNotChecked,
      };
    }
    return {
      outcome: 'not_referenced',
      finding: `None of the page's ${shown.length} images is a copy of the photo.`,
      imagesCompared,
      imagesNotChecked,
    };
  }

  /** The image's lookup probes, or in words why it cannot be read. */
  private async queryOf(image: OutboundResponse): Promise<LookupQuery | string> {
    try {
      return (await this.images.lookupFile(image.body, 'url')).query;
    } catch (error) {
      if (error instanceof DomainError) return 'cannot be read as a photograph';
      throw error;
    }
  }
}

const PASSING = new Set<UrlCheckOutcome>(['gone', 'not_referenced', 'image_replaced']);

function inconclusive(finding: string): Finding {
  return { outcome: 'inconclusive', finding };
}

/** The same image whatever the query string (sizes, cache busters) or fragment. */
function sameResource(a: URL, b: URL): boolean {
  return a.origin === b.origin && a.pathname === b.pathname;
}
