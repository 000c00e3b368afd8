import { DomainError } from '../common/domain-error.js';

export class EmptyFileError extends DomainError {
  constructor(field: string) {
    super('empty_file', 400, `The file in \`${field}\` is empty.`);
  }
}

export class HeicNotSupportedError extends DomainError {
  constructor() {
    super(
      'heic_not_supported',
      415,
      'iPhone HEIC photos cannot be processed. Export the photo as JPEG (on the iPhone: Settings › Camera › ' +
        'Formats › Most Compatible, or share it as JPEG) and upload that.',
    );
  }
}

export class UnsupportedFileTypeError extends DomainError {
  constructor(accepted: readonly string[], found: string | undefined) {
    super(
      'unsupported_file_type',
      415,
      `The file's content is ${found ? `${found}` : 'not a recognised type'}; accepted are ${accepted.join(', ')}. ` +
        'The type is decided by the bytes, not by the file name or the declared content type.',
      { accepted },
    );
  }
}

export class ImageTooManyPixelsError extends DomainError {
  constructor(maxPixels: number) {
    super('image_too_many_pixels', 422, `The image has more than ${maxPixels} pixels.`, { maxPixels });
  }
}

export class UnreadableImageError extends DomainError {
  constructor() {
    super('image_unreadable', 422, 'The image could not be decoded: it is damaged or truncated.');
  }
}

export class ImageTooSmallToCompareError extends DomainError {
  constructor(size: { width: number; height: number }, minSide: number) {
    super(
      'image_too_small_to_compare',
      422,
      `The image is ${size.width}×${size.height} px: too small to tell whose photo it is. A lookup needs at least ` +
        `${minSide} px on each side; look up a larger copy.`,
      { width: size.width, height: size.height, minSide },
    );
  }
}

export class IncompleteDocumentError extends DomainError {
  constructor(field: string) {
    super(
      'document_incomplete',
      422,
      `The PDF in \`${field}\` is not a complete file: it does not end with the trailer a PDF ends with, as when ` +
        'an upload or a scan was cut off. Upload the file as the scanner or the signing app saved it.',
    );
  }
}
