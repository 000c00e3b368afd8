import sharp from 'sharp';
import { onePagePdf } from '../../src/demo/one-page-pdf.js';

// Test files made on the fly: sharp (a dev-time use outside ImageService) draws them, so the tests
// need no binary fixtures.

// The pixel loops take Math's functions as module constants: Jest runs test code in a vm context,
// where every lookup of a global (Math) goes through the context's interceptor, and millions of
// them made these loops a hundred times slower than under plain Node.
const { max, min, round, sin } = Math;

/** Photo-like pixels: a gradient with a disc and a bar that move with `seed`, RGB. */
export function photoPixels(width: number, height: number, seed: number): Buffer {
  const pixels = Buffer.alloc(width * height * 3);
  const discX = (seed * 137) % width;
  const discY = height / 2;
  const radius = height / 4;
  const barY = (seed * 53) % height;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const offset = (y * width + x) * 3;
      const t = (x / width + y / height) / 2;
      let r = 200 - 150 * t + ((seed * 31) % 40);
      let g = 120 + 80 * sin(t * 3 + seed);
      let b = 60 + 150 * t;
      if ((x - discX) ** 2 + (y - discY) ** 2 < radius ** 2) [r, g, b] = [220, (seed * 29) % 255, 40];
      if (x > width / 5 && x < (width * 9) / 20 && y > barY && y < barY + height / 6) [r, g, b] = [30, 30, 30];
      pixels[offset] = r;
      pixels[offset + 1] = g;
      pixels[offset + 2] = b;
    }
  }
  return pixels;
}

/** A photo-like JPEG, optionally with EXIF that carries a GPS position and an artist's name. */
export async function jpegPhoto(
  options: { width?: number; height?: number; seed?: number; exifGps?: boolean; quality?: number } = {},
): Promise<Buffer> {
  const width = options.width ?? 1600;
  const height = options.height ?? 1200;
  let image = sharp(photoPixels(width, height, options.seed ?? 1), { raw: { width, height, channels: 3 } }).jpeg({
    quality: options.quality ?? 90,
  });
  if (options.exifGps) {
    image = image.withExif({
      IFD0: { Make: 'TestCam', Model: 'Model 1', Artist: 'Jane Roe' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' },
    });
  }
  return image.toBuffer();
}

/** A PNG whose header claims `width`×`height` pixels (a pixel flood when large); small on disk. */
export async function pngOfSize(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#808080' } })
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** The start of an iPhone HEIC file: an ISO-BMFF `ftyp` box with the `heic` brand. */
export function heicHeader(): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftypheic', 4, 'latin1');
  ftyp.writeUInt32BE(0, 12);
  ftyp.write('mif1heic', 16, 'latin1');
  return Buffer.concat([ftyp, Buffer.alloc(2048, 1)]);
}

export const SVG_IMAGE = Buffer.from(
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">' +
    '<script>alert(1)</script><rect width="10" height="10"/></svg>',
);

/** A small but well-formed one-page PDF. */
export function signedFormPdf(label = 'Signed photo release'): Buffer {
  return onePagePdf(label);
}

/**
 * A photo-like scene of soft coloured blobs over a gradient, different for each seed: unlike
 * jpegPhoto's, two seeds share no layout, as two clinical photos of different patients would not.
 * `change` repaints one blob, as an after differs from its before in the treated area only.
 */
export function scenePixels(width: number, height: number, seed: number, change = false): Buffer {
  const random = (n: number) => {
    const value = Math.sin(seed * 12.9898 + n * 78.233) * 43758.5453;
    return value - Math.floor(value);
  };
  const blobs = Array.from({ length: 7 }, (_, index) => ({
    x: random(index * 7 + 1),
    y: random(index * 7 + 2),
    radius: 0.06 + random(index * 7 + 3) * 0.18,
    // Mostly lighter or darker, somewhat tinted: photographs have most of their structure in
    // brightness, not in hue alone.
    colour: [random(index * 7 + 5), random(index * 7 + 6), random(index * 7 + 8)].map(
      (tint) => (random(index * 7 + 4) - 0.5) * 220 + (tint - 0.5) * 60,
    ),
  }));
  if (change) blobs[0].colour = blobs[0].colour.map((c) => c * 0.4);
  const base = [random(90) * 120 + 60, random(91) * 120 + 60, random(92) * 120 + 60];
  const slope = [random(93) - 0.5, random(94) - 0.5].map((s) => s * 120);
  // A blob's weight exp(-(du² + dv²) / r²) is its column factor times its row factor.
  const columnFactors = blobs.map((blob) =>
    Float64Array.from({ length: width }, (_, x) => Math.exp(-((x / width - blob.x) ** 2) / blob.radius ** 2)),
  );
  const rowFactors = blobs.map((blob) =>
    Float64Array.from({ length: height }, (_, y) => Math.exp(-((y / height - blob.y) ** 2) / blob.radius ** 2)),
  );
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const offset = (y * width + x) * 3;
      const gradient = slope[0] * (x / width) + slope[1] * (y / height);
      for (let channel = 0; channel < 3; channel += 1) {
        let level = base[channel] + gradient;
        for (let blob = 0; blob < blobs.length; blob += 1) {
          level += blobs[blob].colour[channel] * columnFactors[blob][x] * rowFactors[blob][y];
        }
        pixels[offset + channel] = max(0, min(255, round(level)));
      }
    }
  }
  return pixels;
}

export async function scenePhoto(options: { seed: number; width?: number; height?: number; change?: boolean }) {
  const width = options.width ?? 1200;
  const height = options.height ?? 900;
  return sharp(scenePixels(width, height, options.seed, options.change), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 92 })
    .toBuffer();
}
