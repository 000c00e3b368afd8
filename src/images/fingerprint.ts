/**
 * What reverse lookup knows of a photo, computed from a 256×256 greyscale of the whole frame
 * (stretched to a square, so that it does not depend on the pixel size or aspect of a copy):
 *
 * - `frameHash`: the 64-bit difference hash of the whole frame. It survives resizing and
 *   recompression, and is the photo's `perceptualHash`.
 * - `centreHash`: the difference hash of the centre window, 10% in from each side. A copy cropped
 *   by up to 10% on any side still shows all of it, only somewhere else; a lookup tries where.
 * - `descriptor`: 64×64 grey levels of the whole frame, against which a candidate found through the
 *   hashes is verified by aligning the copy and correlating.
 *
 * Nothing here describes a face or a person: grey levels and brightness comparisons only.
 */
export interface Fingerprint {
  frameHash: bigint;
  centreHash: bigint;
  descriptor: Uint8Array;
}

export const FINGERPRINT_GREY_SIDE = 256;
export const DESCRIPTOR_SIDE = 64;
/** How far in from each side the centre window starts, and the most a lookup expects cropped. */
const CENTRE_MARGIN = 0.1;
const MAX_CROP = CENTRE_MARGIN;
/**
 * Where a copy may have been cropped on each side, as tried by a lookup: 4⁴ windows. Measured on
 * scikit-image's photographs, the nearest then differs from the original's centre hash in few
 * enough bits that one of its four 16-bit chunks is intact (all but a brick-wall texture).
 */
const CROP_STEPS = [0, MAX_CROP / 3, (MAX_CROP * 2) / 3, MAX_CROP];
/** The grid of the verifying correlation: 16×16 cannot align textures such as a brick wall. */
const COMPARE_SIDE = 32;
/**
 * The fewest pixels a looked-up image may have on each side: one per cell of the verifying grid.
 * Below it the grid's cells are smaller than the image's pixels and its detail is made up: copies
 * of scikit-image's photographs 32 px or more across verified at 0.93 or more on detail, copies
 * of 13-29 px at 0.37-0.77, under the 0.8 that keeps unrelated images out.
 */
export const MIN_LOOKUP_SIDE = COMPARE_SIDE;

/** A window of the frame in fractions of its width and height. */
interface Window {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** How much a copy lacks on each side of the original, in fractions of the original. */
export interface Crop {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const WHOLE: Window = { left: 0, top: 0, right: 1, bottom: 1 };
const CENTRE: Window = { left: CENTRE_MARGIN, top: CENTRE_MARGIN, right: 1 - CENTRE_MARGIN, bottom: 1 - CENTRE_MARGIN };

/**
 * Working arrays shared by every computation here, each of which runs within one synchronous
 * call. Fresh typed arrays cost 1-2 MB a lookup outside V8's heap, which V8 answers with full
 * collections: sharing them took bench:lookup's collections from 69 to 40 in 540 lookups.
 */
const scratch = new Map<string, Float64Array>();

/**
 * The shared working array of that name, at least `length` long; its contents are left over. For
 * arrays whose size depends on the call (the summed-area table and grid()'s tables).
 */
function scratchArray(name: string, length: number): Float64Array {
  let array = scratch.get(name);
  if (!array || array.length < length) {
    array = new Float64Array(length);
    scratch.set(name, array);
  }
  return array;
}

/**
 * A summed-area table of a square grey image, read at fractional coordinates: the image is taken
 * as constant over each pixel, so its integral is bilinear within a pixel and any window's mean is
 * exact, whatever its edges. Its table is shared scratch: valid until the next one is made.
 */
class SummedArea {
  private readonly sums: Float64Array;
  private readonly stride: number;

  constructor(
    pixels: Uint8Array,
    private readonly side: number,
  ) {
    if (pixels.length !== side * side) throw new Error(`expected ${side}×${side} grey pixels, got ${pixels.length}`);
    this.stride = side + 1;
    this.sums = scratchArray('sums', this.stride * this.stride);
    // The first row and column are the zeros the sums start from.
    this.sums.fill(0, 0, this.stride);
    for (let y = 1; y <= side; y += 1) this.sums[y * this.stride] = 0;
    for (let y = 0; y < side; y += 1) {
      let row = 0;
      for (let x = 0; x < side; x += 1) {
        row += pixels[y * side + x];
        this.sums[(y + 1) * this.stride + x + 1] = this.sums[y * this.stride + x + 1] + row;
      }
    }
  }

  /**
   * Means of a grid of `columns`×`rows` cells over a window, row by row, into `into` if given.
   * Each cell's mean is the integral at its four corners, computed in one loop into a table: a
   * lookup reads some 75 000 corners, and a function per corner left a double on the heap for each,
   * most of a lookup's garbage.
   */
  grid(window: Window, columns: number, rows: number, into = new Float64Array(columns * rows)): Float64Array {
    const { side, stride, sums } = this;
    const width = (window.right - window.left) / columns;
    const height = (window.bottom - window.top) / rows;
    const xCount = 2 * columns;
    const yCount = 2 * rows;
    const integrals = scratchArray('integrals', xCount * yCount);
    const edges = scratchArray('edges', xCount + yCount);
    // Each cell's own edges as fractions of the frame: left and right of each column, then top
    // and bottom of each row.
    for (let column = 0; column < columns; column += 1) {
      edges[2 * column] = window.left + column * width;
      edges[2 * column + 1] = edges[2 * column] + width;
    }
    for (let row = 0; row < rows; row += 1) {
      edges[xCount + 2 * row] = window.top + row * height;
      edges[xCount + 2 * row + 1] = edges[xCount + 2 * row] + height;
    }
    // The integral from the frame's top left corner to each (x, y), bilinear within a pixel.
    for (let yIndex = 0; yIndex < yCount; yIndex += 1) {
      const y = Math.min(Math.max(edges[xCount + yIndex] * side, 0), side);
      const y0 = Math.min(Math.floor(y), side - 1);
      const dy = y - y0;
      for (let xIndex = 0; xIndex < xCount; xIndex += 1) {
        const x = Math.min(Math.max(edges[xIndex] * side, 0), side);
        const x0 = Math.min(Math.floor(x), side - 1);
        const dx = x - x0;
        const top = y0 * stride + x0;
        const bottom = top + stride;
        integrals[yIndex * xCount + xIndex] =
          sums[top] * (1 - dx) * (1 - dy) +
          sums[top + 1] * dx * (1 - dy) +
          sums[bottom] * (1 - dx) * dy +
          sums[bottom + 1] * dx * dy;
      }
    }
    const means = into;
    for (let row = 0; row < rows; row += 1) {
      const top = 2 * row * xCount;
      const bottom = top + xCount;
      const rowHeight = edges[xCount + 2 * row + 1] - edges[xCount + 2 * row];
      for (let column = 0; column < columns; column += 1) {
        const left = 2 * column;
        const right = left + 1;
        const area = (edges[right] - edges[left]) * rowHeight * side * side;
        const sum =
          integrals[bottom + right] - integrals[bottom + left] - integrals[top + right] + integrals[top + left];
        means[row * columns + column] = sum / area;
      }
    }
    return means;
  }
}

const differenceHashCells = new Float64Array(9 * 8);

/** The 64-bit difference hash of a window: one bit per horizontal neighbour pair of 9×8 cells. */
function differenceHash(area: SummedArea, window: Window): bigint {
  const cells = area.grid(window, 9, 8, differenceHashCells);
  let high = 0;
  let low = 0;
  for (let row = 0; row < 8; row += 1) {
    for (let column = 0; column < 8; column += 1) {
      const bit = cells[row * 9 + column] > cells[row * 9 + column + 1] ? 1 : 0;
      if (row < 4) high = (high << 1) | bit;
      else low = (low << 1) | bit;
    }
  }
  return (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0);
}

/** The fingerprint of a photo from its 256×256 greyscale (see `Fingerprint`). */
export function fingerprintOf(grey: Uint8Array): Fingerprint {
  const area = new SummedArea(grey, FINGERPRINT_GREY_SIDE);
  const descriptor = Uint8Array.from(area.grid(WHOLE, DESCRIPTOR_SIDE, DESCRIPTOR_SIDE), Math.round);
  return { frameHash: differenceHash(area, WHOLE), centreHash: differenceHash(area, CENTRE), descriptor };
}

/** Where the original's centre window lies in a copy that lacks `crop` of the original. */
function centreInCopy(crop: Crop): Window {
  const width = 1 - crop.left - crop.right;
  const height = 1 - crop.top - crop.bottom;
  return {
    left: (CENTRE.left - crop.left) / width,
    right: (CENTRE.right - crop.left) / width,
    top: (CENTRE.top - crop.top) / height,
    bottom: (CENTRE.bottom - crop.top) / height,
  };
}

/** The crops a lookup tries, CROP_STEPS on each side, and where the original's centre lies in each. */
const PROBED_CROPS: readonly { crop: Readonly<Crop>; centre: Window }[] = CROP_STEPS.flatMap((left) =>
  CROP_STEPS.flatMap((right) =>
    CROP_STEPS.flatMap((top) =>
      CROP_STEPS.map((bottom) => {
        const crop = Object.freeze({ left, right, top, bottom });
        return { crop, centre: centreInCopy(crop) };
      }),
    ),
  ),
);

/** A lookup's guess at how a copy was cropped, and the centre hash the original has if it was. */
export interface CentreProbe {
  /** Shared by every query: not to be changed. */
  crop: Readonly<Crop>;
  centreHash: bigint;
}

/**
 * A file being looked up: its whole-frame hash, the centre hashes of the windows where the
 * original's centre would lie for each crop tried, and what verifies a candidate.
 */
export class LookupQuery {
  readonly frameHash: bigint;
  readonly probes: CentreProbe[];
  private readonly comparison: Float64Array;
  private readonly comparisonDetail: Float64Array;

  constructor(grey: Uint8Array) {
    const area = new SummedArea(grey, FINGERPRINT_GREY_SIDE);
    this.frameHash = differenceHash(area, WHOLE);
    this.probes = PROBED_CROPS.map(({ crop, centre }) => ({ crop, centreHash: differenceHash(area, centre) }));
    const grid = area.grid(WHOLE, COMPARE_SIDE, COMPARE_SIDE);
    this.comparisonDetail = differences(grid);
    this.comparison = standardised(grid);
  }

  /**
   * How well an indexed photo explains this file as a copy of it: the best correlation (−1 to 1)
   * of grey levels over the crops of up to a little more than 10% per side, searched from `start`,
   * and that crop. Brightness and contrast changes do not lower it.
   */
  alignment(descriptor: Uint8Array, start: Readonly<Crop>): { correlation: number; crop: Crop; detail: number } {
    if (descriptor.length !== DESCRIPTOR_SIDE * DESCRIPTOR_SIDE) throw new Error('not a fingerprint descriptor');
    const correlationAt = (crop: Crop): number => {
      const window = { left: crop.left, top: crop.top, right: 1 - crop.right, bottom: 1 - crop.bottom };
      return correlation(standardised(windowGrid(descriptor, window)), this.comparison);
    };
    let best = { crop: { ...start }, correlation: correlationAt(start) };
    for (let step = MAX_CROP / 8; step >= MAX_CROP / 32; step /= 2) {
      let improved = true;
      while (improved) {
        improved = false;
        for (const side of ['left', 'right', 'top', 'bottom'] as const) {
          for (const move of [-step, step]) {
            const value = best.crop[side] + move;
            if (value < 0 || value > MAX_CROP * 1.25) continue;
            const crop = { ...best.crop, [side]: value };
            const correlation = correlationAt(crop);
            // A real gain only: float noise must not walk the search back and forth.
            if (correlation > best.correlation + 1e-6) {
              best = { crop, correlation };
              improved = true;
            }
          }
        }
      }
    }
    const window = {
      left: best.crop.left,
      top: best.crop.top,
      right: 1 - best.crop.right,
      bottom: 1 - best.crop.bottom,
    };
    return { ...best, detail: correlation(differences(windowGrid(descriptor, window)), this.comparisonDetail) };
  }
}

/** Differences between neighbouring cells of a COMPARE_SIDE² grid, across then down, standardised. */
function differences(grid: Float64Array): Float64Array {
  const side = COMPARE_SIDE;
  const result = new Float64Array(2 * side * (side - 1));
  let index = 0;
  for (let row = 0; row < side; row += 1)
    for (let column = 0; column + 1 < side; column += 1)
      result[index++] = grid[row * side + column + 1] - grid[row * side + column];
  for (let row = 0; row + 1 < side; row += 1)
    for (let column = 0; column < side; column += 1)
      result[index++] = grid[(row + 1) * side + column] - grid[row * side + column];
  return standardised(result);
}

/** The correlation of two standardised series of the same length. */
function correlation(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let index = 0; index < a.length; index += 1) sum += a[index] * b[index];
  return sum / a.length;
}

/** How many descriptor pixels one comparison cell can touch: a cell is at most 1.25 × 2 pixels wide. */
const PIXELS_PER_CELL = 4;

interface Coverage {
  pixels: Int32Array;
  weights: Float64Array;
}

// windowGrid()'s working arrays, shared like scratchArray()'s but of fixed sizes; it answers with
// its grid, which is read before the next call.
const rowSumsScratch = new Float64Array(DESCRIPTOR_SIDE * COMPARE_SIDE);
const windowGridScratch = new Float64Array(COMPARE_SIDE * COMPARE_SIDE);
const coverageScratch: Record<'columns' | 'rows', Coverage> = {
  columns: {
    pixels: new Int32Array(COMPARE_SIDE * PIXELS_PER_CELL),
    weights: new Float64Array(COMPARE_SIDE * PIXELS_PER_CELL),
  },
  rows: {
    pixels: new Int32Array(COMPARE_SIDE * PIXELS_PER_CELL),
    weights: new Float64Array(COMPARE_SIDE * PIXELS_PER_CELL),
  },
};

/**
 * Sums of a COMPARE_SIDE² grid of equal cells over a window of a descriptor, each source pixel
 * weighted by how much of it a cell covers. Done one axis at a time, it costs a tenth of reading
 * each cell from a summed-area table, and alignment evaluates it some fifty times per candidate.
 */
function windowGrid(descriptor: Uint8Array, window: Window): Float64Array {
  const columns = cellCoverage(window.left, window.right, 'columns');
  const rows = cellCoverage(window.top, window.bottom, 'rows');
  const firstRow = rows.pixels[0];
  // Every entry read below is written first: rows firstRow to lastRow cover every slot that weighs.
  const rowSums = rowSumsScratch;
  const lastRow = Math.min(
    DESCRIPTOR_SIDE - 1,
    rows.pixels[(COMPARE_SIDE - 1) * PIXELS_PER_CELL] + PIXELS_PER_CELL - 1,
  );
  for (let y = firstRow; y <= lastRow; y += 1) {
    const source = y * DESCRIPTOR_SIDE;
    const target = (y - firstRow) * COMPARE_SIDE;
    for (let column = 0; column < COMPARE_SIDE; column += 1) {
      let sum = 0;
      for (let slot = column * PIXELS_PER_CELL; slot < (column + 1) * PIXELS_PER_CELL; slot += 1) {
        sum += descriptor[source + columns.pixels[slot]] * columns.weights[slot];
      }
      rowSums[target + column] = sum;
    }
  }
  const grid = windowGridScratch.fill(0);
  for (let row = 0; row < COMPARE_SIDE; row += 1) {
    for (let slot = row * PIXELS_PER_CELL; slot < (row + 1) * PIXELS_PER_CELL; slot += 1) {
      const weight = rows.weights[slot];
      if (weight === 0) continue;
      const source = (rows.pixels[slot] - firstRow) * COMPARE_SIDE;
      for (let column = 0; column < COMPARE_SIDE; column += 1)
        grid[row * COMPARE_SIDE + column] += rowSums[source + column] * weight;
    }
  }
  return grid;
}

/**
 * For each of COMPARE_SIDE equal cells between two fractions, the descriptor pixels it covers and
 * how much of each, PIXELS_PER_CELL slots per cell (unused slots weigh 0).
 */
function cellCoverage(start: number, end: number, axis: 'columns' | 'rows'): Coverage {
  const { pixels, weights } = coverageScratch[axis];
  const cellLength = ((end - start) * DESCRIPTOR_SIDE) / COMPARE_SIDE;
  for (let cell = 0; cell < COMPARE_SIDE; cell += 1) {
    const from = start * DESCRIPTOR_SIDE + cell * cellLength;
    const to = Math.min(from + cellLength, DESCRIPTOR_SIDE);
    const first = Math.floor(from);
    for (let slot = 0; slot < PIXELS_PER_CELL; slot += 1) {
      const pixel = Math.min(first + slot, DESCRIPTOR_SIDE - 1);
      pixels[cell * PIXELS_PER_CELL + slot] = pixel;
      weights[cell * PIXELS_PER_CELL + slot] = Math.max(
        0,
        Math.min(to, first + slot + 1) - Math.max(from, first + slot),
      );
    }
  }
  return { pixels, weights };
}

/** Values shifted to mean 0 and scaled to deviation 1 (all zeros for a flat grid), in place. */
function standardised(values: Float64Array): Float64Array {
  let sum = 0;
  let squares = 0;
  for (let index = 0; index < values.length; index += 1) {
    sum += values[index];
    squares += values[index] * values[index];
  }
  const mean = sum / values.length;
  const deviation = Math.sqrt(Math.max(squares / values.length - mean * mean, 0));
  for (let index = 0; index < values.length; index += 1)
    values[index] = deviation > 0 ? (values[index] - mean) / deviation : 0;
  return values;
}

/** Bits in which two 64-bit hashes differ. */
export function hashDistance(a: bigint, b: bigint): number {
  const difference = BigInt.asUintN(64, a ^ b);
  return bitCount32(Number(difference >> 32n)) + bitCount32(Number(difference & 0xffffffffn));
}

function bitCount32(value: number): number {
  let bits = value - ((value >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (((bits + (bits >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
