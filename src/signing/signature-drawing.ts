import type { FieldError } from '../common/domain-error.js';

/** A signature drawn on a canvas: each stroke its points as x, y pairs, in the canvas's pixels. */
export interface SignatureDrawing {
  canvasWidth: number;
  canvasHeight: number;
  strokes: number[][];
}

export const MAX_STROKES = 300;
export const MAX_POINTS = 20_000;
/** A JSON list in a body holds at most 1000 items: 500 points of x, y. */
export const MAX_POINTS_PER_STROKE = 500;
/** How far a point may lie outside the canvas (a finger sliding off its edge) before it is refused. */
const EDGE_TOLERANCE = 8;
/**
 * The least a drawing must span and trace, as a share of the canvas's width: a tap, a dot or a
 * short tick is no signature.
 */
const MIN_SPAN_SHARE = 0.08;
const MIN_TRACE_SHARE = 0.2;

/** Why the drawing is no signature, as field errors; empty when it may be one. */
export function drawingProblems(drawing: SignatureDrawing): FieldError[] {
  const problem = (field: string, message: string): FieldError[] => [{ field, messages: [message] }];
  const { canvasWidth: width, canvasHeight: height, strokes } = drawing;
  if (strokes.length === 0) return problem('signature.strokes', 'the signature is empty: sign with a finger or a pen');
  if (strokes.length > MAX_STROKES) return problem('signature.strokes', `at most ${MAX_STROKES} strokes`);
  let points = 0;
  for (const stroke of strokes) {
    if (stroke.length === 0 || stroke.length % 2 !== 0) {
      return problem('signature.strokes', 'each stroke is a list of x, y pairs');
    }
    if (stroke.length > 2 * MAX_POINTS_PER_STROKE) {
      return problem('signature.strokes', `at most ${MAX_POINTS_PER_STROKE} points in a stroke`);
    }
    points += stroke.length / 2;
    const outside = stroke.some((value, index) => {
      const limit = index % 2 === 0 ? width : height;
      return value < -EDGE_TOLERANCE || value > limit + EDGE_TOLERANCE;
    });
    if (outside) return problem('signature.strokes', 'a point lies outside the canvas');
  }
  if (points > MAX_POINTS) return problem('signature.strokes', `at most ${MAX_POINTS} points`);
  const { span, trace } = measure(strokes);
  if (span < MIN_SPAN_SHARE * width || trace < MIN_TRACE_SHARE * width) {
    return problem('signature.strokes', 'the drawing is too small to be a signature: sign across the box');
  }
  return [];
}

/** The larger side of the box around the ink, and the length of ink laid down. */
function measure(strokes: number[][]): { span: number; trace: number } {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  let trace = 0;
  for (const stroke of strokes) {
    for (let index = 0; index < stroke.length; index += 2) {
      const [x, y] = [stroke[index], stroke[index + 1]];
      [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
      if (index >= 2) trace += Math.hypot(x - stroke[index - 2], y - stroke[index - 1]);
    }
  }
  return { span: Math.max(maxX - minX, maxY - minY), trace };
}
