import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { fileTypeFromBuffer } from 'file-type';
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { AppConfig } from '../config/app-config.js';
import { FINGERPRINT_GREY_SIDE, fingerprintOf, LookupQuery, type Fingerprint } from './fingerprint.js';
import { isSrgbProfile } from './icc.js';
import { withoutTrailingData } from './image-bytes.js';
import { hasPdfTrailer } from './pdf.js';
import {
  EmptyFileError,
  HeicNotSupportedError,
  IncompleteDocumentError,
  ImageTooManyPixelsError,
  UnreadableImageError,
  UnsupportedFileTypeError,
} from './image.errors.js';

export const PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/tiff', 'image/avif'] as const;
export const DOCUMENT_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
const HEIC_CONTENT_TYPES = new Set(['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence']);

export const WEB_LONG_EDGE = 2048;
export const THUMB_LONG_EDGE = 400;
const WEB_JPEG_QUALITY = 85;
const THUMB_WEBP_QUALITY = 80;

// Only the decoders of the accepted types may run, and only on buffers: SVG, PDF, the ImageMagick
// fallback and every other loader libvips has are refused even if something reached them. The
// operation cache only helps when the same image is processed again, which never happens here.
sharp.block({ operation: ['VipsForeignLoad'] });
sharp.unblock({
  operation: [
    'VipsForeignLoadJpegBuffer',
    'VipsForeignLoadPngBuffer',
    'VipsForeignLoadWebpBuffer',
    'VipsForeignLoadTiffBuffer',
    'VipsForeignLoadHeifBuffer',
  ],
});
sharp.cache(false);

export interface Rendition {
  bytes: Buffer;
  contentType: string;
  width: number;
  height: number;
}

export interface StoredOriginal {
  /** The upload without anything appended after the image's end: what is stored and hashed. */
  bytes: Buffer;
  contentType: (typeof PHOTO_CONTENT_TYPES)[number];
  /** Hex SHA-256 of `bytes`. */
  sha256: string;
  /** Its header, read once: what render() needs to know before decoding. */
  header: Metadata;
}

export interface RenderedPhoto {
  /** Upright size of the original. */
  width: number;
  height: number;
  web: Rendition;
  thumb: Rendition;
  /** What reverse lookup matches against; its frame hash is the photo's perceptual hash. */
  fingerprint: Fingerprint;
}

/** A file looked up against the photos: its hash for the audit trail, and what matches it. */
export interface LookupFile {
  sha256: string;
  query: LookupQuery;
  /** The file's own size in pixels, upright. */
  size: { width: number; height: number };
}

export interface CheckedDocument {
  contentType: (typeof DOCUMENT_CONTENT_TYPES)[number];
  sha256: string;
  sha1: string;
}

interface RawImage {
  data: Buffer;
  info: OutputInfo;
}

function asRaw(info: OutputInfo): { raw: { width: number; height: number; channels: 1 | 2 | 3 | 4 } } {
  return { raw: { width: info.width, height: info.height, channels: info.channels } };
}

/**
 * Whether a photo's embedded profile can be applied after resizing: 8-bit RGB only. CMYK, grey and
 * 16-bit images take sharp's own path, which converts them with their profile before resizing.
 */
function convertsAfterResize(header: Metadata): boolean {
  return header.space === 'srgb' && header.depth === 'uchar';
}

/**
 * Everything the service does with image bytes, and the only user of sharp: deciding a file's type
 * from its content, and turning a clinical photo into its stored original, its metadata-free
 * renditions and its perceptual hash.
 */
@Injectable()
export class ImageService {
  private readonly maxPixels: number;

  constructor(config: AppConfig) {
    this.maxPixels = config.photos.maxPixels;
  }

  /**
   * Checks a signed document (a release form, a revocation letter, a screenshot) and hashes it: a
   * PDF, JPEG or PNG by its bytes, and whole. It is evidence, kept as received, so it must open: a
   * PDF must end with its trailer, and a scan must decode within the pixel limit without errors.
   */
  async checkDocument(bytes: Buffer, field: string): Promise<CheckedDocument> {
    const contentType = await this.typeOf(bytes, field, DOCUMENT_CONTENT_TYPES);
    if (contentType === 'application/pdf') {
      if (!hasPdfTrailer(bytes)) throw new IncompleteDocumentError(field);
    } else {
      await this.assertDecodes(bytes);
    }
    return {
      contentType,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      sha1: createHash('sha1').update(bytes).digest('hex'),
    };
  }

  /**
   * Decides the photo's type by its bytes (415 for HEIC and the rest), cuts off appended data and
   * reads the header, refusing more pixels than the limit: everything that can be known about the
   * photo without decoding it, so that nothing is stored for a file these checks refuse.
   */
  async original(upload: Buffer, field: string): Promise<StoredOriginal> {
    const contentType = await this.typeOf(upload, field, PHOTO_CONTENT_TYPES);
    const bytes = withoutTrailingData(upload, contentType);
    const header = await this.readHeader(bytes);
    return { bytes, contentType, sha256: createHash('sha256').update(bytes).digest('hex'), header };
  }

  /**
   * Decodes the photo once (auto-oriented, converted to sRGB unless it already is, bounded by the
   * pixel limit, failing on damaged data) straight into the 2048 px web JPEG, then derives the
   * 400 px WebP thumbnail and the reverse-lookup fingerprint from that JPEG, which the decoder
   * shrinks on load. Renditions carry no metadata at all. The decoded pixels never come back to
   * JavaScript: at 24 MP they were 8 MB an upload of garbage-collected memory, and the thumbnail
   * made from the web JPEG is the one the fingerprint backfill makes from it.
   */
  async render(original: StoredOriginal): Promise<RenderedPhoto> {
    const { width = 0, height = 0, orientation = 1, hasAlpha, icc } = original.header;
    const upright = orientation >= 5 ? { width: height, height: width } : { width, height };

    let web: { data: Buffer; info: OutputInfo };
    try {
      const srgb = isSrgbProfile(icc);
      let pipeline = sharp(original.bytes, {
        limitInputPixels: this.maxPixels,
        failOn: 'error',
        autoOrient: true,
        ignoreIcc: srgb,
      }).resize(WEB_LONG_EDGE, WEB_LONG_EDGE, { fit: 'inside', withoutEnlargement: true });
      if (icc && !srgb && convertsAfterResize(original.header)) {
        // A profile conversion costs per pixel and sharp runs it before resizing, at full size:
        // resized first (still tagged with its profile) and converted at 2048 px instead, a 24 MP
        // Display P3 photo renders in a third of the time, within 4 levels of the full-size result.
        const resized = await pipeline.keepIccProfile().tiff({ compression: 'none' }).toBuffer();
        pipeline = sharp(resized, { failOn: 'error' });
      }
      if (hasAlpha) pipeline = pipeline.flatten({ background: '#ffffff' });
      web = await pipeline
        .toColourspace('srgb')
        .jpeg({ quality: WEB_JPEG_QUALITY })
        .toBuffer({ resolveWithObject: true });
    } catch {
      throw new UnreadableImageError();
    }
    const small = await thumbnailPixels(web.data, thumbnailSize(upright));
    const [thumb, grey] = await Promise.all([
      sharp(small.data, asRaw(small.info)).webp({ quality: THUMB_WEBP_QUALITY }).toBuffer({ resolveWithObject: true }),
      fingerprintGrey(small),
    ]);
    return {
      width: upright.width,
      height: upright.height,
      web: { bytes: web.data, contentType: 'image/jpeg', width: web.info.width, height: web.info.height },
      thumb: { bytes: thumb.data, contentType: 'image/webp', width: thumb.info.width, height: thumb.info.height },
      fingerprint: fingerprintOf(grey),
    };
  }

  /**
   * Reads a file to look up by the upload's rules (type by its bytes, HEIC refused, pixel limit,
   * damaged data refused) and prepares its probes. One decode goes straight to the fingerprint's
   * grey square, which lets a JPEG decoder skip most of the work, with the colour (converted from
   * the file's profile as an upload's is) made grey after the resize: turned grey before it, on
   * every pixel of the file, as `greyscale()` does, it cost more than the resize. A 640×480 JPEG
   * takes 4 ms instead of 7 through a 400 px image first, as uploads make theirs; the grey levels
   * differ from that path's by 0.1 on average and at most 3 of 255, well within what a copy's
   * resizing and recompression change (bench/README.md).
   */
  async lookupFile(upload: Buffer, field: string): Promise<LookupFile> {
    const { bytes, sha256, header } = await this.original(upload, field);
    let grey: Buffer;
    try {
      let pipeline = sharp(bytes, { limitInputPixels: this.maxPixels, failOn: 'error', autoOrient: true }).resize(
        FINGERPRINT_GREY_SIDE,
        FINGERPRINT_GREY_SIDE,
        { fit: 'fill' },
      );
      if (header.hasAlpha) pipeline = pipeline.flatten({ background: '#ffffff' });
      grey = await pipeline.toColourspace('b-w').raw().toBuffer();
    } catch {
      throw new UnreadableImageError();
    }
    const { width = 0, height = 0, orientation = 1 } = header;
    const size = orientation >= 5 ? { width: height, height: width } : { width, height };
    return { sha256, query: new LookupQuery(grey), size };
  }

  /**
   * The fingerprint of a stored web rendition, for photos stored before fingerprints were: made
   * as render() makes an upload's, from the web JPEG and the photo's upright size.
   */
  async fingerprintOfRendition(web: Buffer, upright: { width: number; height: number }): Promise<Fingerprint> {
    try {
      return fingerprintOf(await fingerprintGrey(await thumbnailPixels(web, thumbnailSize(upright))));
    } catch {
      throw new UnreadableImageError();
    }
  }

  /** Decodes the whole image, small, to find damage a header does not show (a truncated scan). */
  private async assertDecodes(bytes: Buffer): Promise<void> {
    await this.readHeader(bytes);
    try {
      await sharp(bytes, { limitInputPixels: this.maxPixels, failOn: 'error' })
        .resize(THUMB_LONG_EDGE, THUMB_LONG_EDGE, { fit: 'inside', withoutEnlargement: true })
        .raw()
        .toBuffer();
    } catch {
      throw new UnreadableImageError();
    }
  }

  /**
   * The header only: size, orientation, alpha, profile. Damaged headers are unreadable images, and
   * more pixels than the limit are refused before anything is decoded.
   */
  private async readHeader(bytes: Buffer): Promise<Metadata> {
    let header: Metadata;
    try {
      header = await sharp(bytes, { limitInputPixels: false, failOn: 'error' }).metadata();
    } catch {
      throw new UnreadableImageError();
    }
    if ((header.width ?? 0) * (header.height ?? 0) > this.maxPixels) throw new ImageTooManyPixelsError(this.maxPixels);
    return header;
  }

  private async typeOf<T extends string>(bytes: Buffer, field: string, accepted: readonly T[]): Promise<T> {
    if (bytes.length === 0) throw new EmptyFileError(field);
    const detected = (await fileTypeFromBuffer(bytes))?.mime;
    if (detected && HEIC_CONTENT_TYPES.has(detected)) throw new HeicNotSupportedError();
    if (!detected || !accepted.includes(detected as T)) throw new UnsupportedFileTypeError(accepted, detected);
    return detected as T;
  }
}

/** The thumbnail's size from the photo's own: the web rendition's rounding would shave a pixel off. */
function thumbnailSize(upright: { width: number; height: number }): { width: number; height: number } {
  const scale = Math.min(1, THUMB_LONG_EDGE / Math.max(upright.width, upright.height, 1));
  return {
    width: Math.max(1, Math.round(upright.width * scale)),
    height: Math.max(1, Math.round(upright.height * scale)),
  };
}

/** A web rendition shrunk to the thumbnail's size, most of it done by the JPEG decoder on load. */
function thumbnailPixels(web: Buffer, size: { width: number; height: number }): Promise<RawImage> {
  return sharp(web, { failOn: 'error' })
    .resize(size.width, size.height, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
}

/** The whole frame of thumbnail-sized pixels as the fingerprint's grey square (stretched to fit). */
function fingerprintGrey(small: RawImage): Promise<Buffer> {
  return sharp(small.data, asRaw(small.info))
    .greyscale()
    .resize(FINGERPRINT_GREY_SIDE, FINGERPRINT_GREY_SIDE, { fit: 'fill' })
    .raw()
    .toBuffer();
}
