import { Alert, Button, Flex } from 'antd';
import { useCallback, useEffect, useRef, useState, type PointerEvent } from 'react';

export const EMPTY_SIGNATURE_MESSAGE = '请先在框内签名，再点“确认签名”';

interface Props {
  /** receives the signature as base64 PNG (without the data: prefix) */
  onConfirm: (png: string) => void | Promise<void>;
  busy?: boolean;
  /** what the pad says before anyone signs, e.g. the signer's role */
  prompt?: string;
}

// the exported PNG is at most twice the CSS size: sharp enough to print at 10 mm high, well under the 300 KB cap
const MAX_SCALE = 2;

/**
 * a signature drawn with a finger, a stylus or a mouse: pointer events on a canvas as wide as its container,
 * with 清除 and 确认签名; an empty pad is refused
 */
export function SignaturePad({ onConfirm, busy = false, prompt = '请在此处签名' }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<{ x: number; y: number } | null>(null);
  const [drawn, setDrawn] = useState(false);
  const [empty, setEmpty] = useState(false);

  // the canvas's pixels follow its CSS size (and the screen's density); resizing clears it, as a new pad
  const fit = useCallback(() => {
    const c = canvas.current;
    if (!c) return;
    const scale = Math.min(window.devicePixelRatio || 1, MAX_SCALE);
    // layout size, not the on-screen box: a modal's opening animation scales the box
    const width = c.offsetWidth;
    const height = c.offsetHeight;
    c.width = Math.round(width * scale);
    c.height = Math.round(height * scale);
    const g = c.getContext('2d');
    if (!g) return;
    g.setTransform(scale, 0, 0, scale, 0, 0);
    g.lineWidth = 2.5;
    g.lineCap = 'round';
    g.lineJoin = 'round';
    g.strokeStyle = '#000';
    setDrawn(false);
  }, []);

  useEffect(() => {
    fit();
    const c = canvas.current;
    if (!c || typeof ResizeObserver === 'undefined') return;
    let width = c.offsetWidth;
    const observer = new ResizeObserver(() => {
      const next = c.offsetWidth;
      if (Math.abs(next - width) > 1) {
        width = next;
        fit();
      }
    });
    observer.observe(c);
    return () => observer.disconnect();
  }, [fit]);

  // offsetX/Y are in the canvas's own CSS pixels, whatever transform it is shown under
  const at = (e: PointerEvent<HTMLCanvasElement>): { x: number; y: number } => ({ x: e.nativeEvent.offsetX, y: e.nativeEvent.offsetY });
  const down = (e: PointerEvent<HTMLCanvasElement>): void => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    const p = at(e);
    drawing.current = p;
    const g = e.currentTarget.getContext('2d');
    // a tap leaves a dot
    g?.beginPath();
    g?.arc(p.x, p.y, 1.2, 0, Math.PI * 2);
    g?.fill();
  };
  const move = (e: PointerEvent<HTMLCanvasElement>): void => {
    const from = drawing.current;
    if (!from) return;
    e.preventDefault();
    const to = at(e);
    const g = e.currentTarget.getContext('2d');
    if (!g) return;
    g.beginPath();
    g.moveTo(from.x, from.y);
    g.lineTo(to.x, to.y);
    g.stroke();
    drawing.current = to;
    if (!drawn) {
      setDrawn(true);
      setEmpty(false);
    }
  };
  const up = (): void => {
    drawing.current = null;
  };
  const clear = (): void => {
    const c = canvas.current;
    c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
    setDrawn(false);
  };
  const confirm = async (): Promise<void> => {
    const c = canvas.current;
    if (!c || !drawn) {
      setEmpty(true);
      return;
    }
    await onConfirm(c.toDataURL('image/png').replace(/^data:image\/png;base64,/, ''));
  };

  return (
    <div>
      <div style={{ position: 'relative' }}>
        <canvas
          ref={canvas}
          data-testid="signature-pad"
          aria-label={prompt}
          onPointerDown={down}
          onPointerMove={move}
          onPointerUp={up}
          onPointerCancel={up}
          // no scrolling or zooming while the finger signs
          style={{ display: 'block', width: '100%', height: 'min(45vw, 240px)', minHeight: 160, border: '1px dashed #bfbfbf', borderRadius: 6, background: '#fff', touchAction: 'none', cursor: 'crosshair' }}
        />
        {drawn ? null : (
          <div style={{ position: 'absolute', inset: 0, display: 'flex', alignItems: 'center', justifyContent: 'center', color: '#bfbfbf', fontSize: 20, pointerEvents: 'none' }}>{prompt}</div>
        )}
      </div>
      {empty ? <Alert style={{ marginTop: 8 }} type="error" showIcon message={EMPTY_SIGNATURE_MESSAGE} /> : null}
      <Flex gap={8} justify="flex-end" style={{ marginTop: 12 }}>
        <Button onClick={clear} disabled={busy}>
          清除
        </Button>
        <Button type="primary" onClick={() => void confirm()} loading={busy}>
          确认签名
        </Button>
      </Flex>
    </div>
  );
}
