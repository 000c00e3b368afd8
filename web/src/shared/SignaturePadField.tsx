import { Button, Group, Input, Stack } from '@mantine/core';
import SignaturePad from 'signature_pad';
import { useEffect, useRef } from 'react';

/** A drawing as the service takes it: each stroke's x, y pairs in CSS pixels of the canvas. */
export interface Drawing {
  canvasWidth: number;
  canvasHeight: number;
  strokes: number[][];
}

/** The service takes up to 500 points in a stroke; a longer one keeps every n-th point. */
const MAX_POINTS_PER_STROKE = 500;

function drawingOf(pad: SignaturePad, canvas: HTMLCanvasElement): Drawing {
  return {
    canvasWidth: Math.round(canvas.offsetWidth),
    canvasHeight: Math.round(canvas.offsetHeight),
    strokes: pad.toData().map((group) => {
      const step = Math.ceil(group.points.length / MAX_POINTS_PER_STROKE);
      return group.points
        .filter((_, index) => index % step === 0)
        .flatMap((point) => [Math.round(point.x * 10) / 10, Math.round(point.y * 10) / 10]);
    }),
  };
}

/** A box to sign in with a finger (signature_pad), and a button to start again. */
export function SignaturePadField({
  label,
  description,
  clearLabel,
  error,
  onChange,
}: {
  label: string;
  description: string;
  clearLabel: string;
  error?: string;
  onChange: (drawing: Drawing | null) => void;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const pad = new SignaturePad(canvas, { penColor: '#0b1f4d', minWidth: 1, maxWidth: 2.5 });
    padRef.current = pad;
    // The canvas is drawn at the screen's pixel density. Only a real change of its size (a phone
    // turned) clears it, as the strokes would no longer fit; the observer's first call does not.
    let fitted = { width: -1, height: -1 };
    const fit = () => {
      const size = { width: canvas.offsetWidth, height: canvas.offsetHeight };
      if (size.width === fitted.width && size.height === fitted.height) return;
      fitted = size;
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      canvas.width = size.width * ratio;
      canvas.height = size.height * ratio;
      canvas.getContext('2d')?.scale(ratio, ratio);
      pad.clear();
      changed.current(null);
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(canvas);
    const ended = () => changed.current(pad.isEmpty() ? null : drawingOf(pad, canvas));
    pad.addEventListener('endStroke', ended);
    return () => {
      observer.disconnect();
      pad.removeEventListener('endStroke', ended);
      pad.off();
    };
  }, []);

  return (
    <Input.Wrapper label={label} description={description} error={error}>
      <Stack gap="xs" mt={4}>
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={label}
          style={{
            width: '100%',
            height: 200,
            border: `2px solid ${error ? 'var(--mantine-color-red-7)' : 'var(--mantine-color-gray-6)'}`,
            borderRadius: 8,
            touchAction: 'none',
            background: 'white',
          }}
        />
        <Group>
          <Button
            variant="default"
            onClick={() => {
              padRef.current?.clear();
              onChange(null);
            }}
          >
            {clearLabel}
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
