import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

const WAIT = { timeout: 20_000 };

/** a date `offset` days from the Beijing date today, as YYYY-MM-DD */
export const isoDay = (offset: number): string => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

/** posts as the page's signed-in user, expecting 200, and returns the JSON answer */
export function poster(page: Page, baseUrl: string): (url: string, data: Record<string, unknown>) => Promise<Record<string, unknown>> {
  return async (url, data) => {
    const res = await page.request.post(`${baseUrl}${url}`, { data });
    expect(res.status(), await res.text()).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  };
}

/** the answer to the arithmetic question a public comment form shows ("3 + 5 = ？") */
export async function solveChallenge(page: Page): Promise<string> {
  const q = page.getByTestId('challenge-question');
  await expect.poll(async () => (await q.textContent()) ?? '', WAIT).toMatch(/\d+\s*\+\s*\d+/);
  const [a = 0, b = 0] = ((await q.textContent()) ?? '').match(/\d+/g)?.map(Number) ?? [];
  return String(a + b);
}

/** one step in the 办理流程 card: its button, the captured fields, 确认办理; the step must be accepted */
export async function act(page: Page, button: RegExp, fill: (dialog: Locator) => Promise<void> = async () => undefined): Promise<void> {
  await page.getByTestId('workflow').getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await page.waitForTimeout(300); // let the dialog finish opening before its fields are used
  await fill(dialog);
  const done = page.waitForResponse((r) => r.url().includes('/transitions/') && r.request().method() === 'POST');
  await dialog.getByRole('button', { name: /确认办理/ }).click();
  const res = await done;
  expect(res.status(), await res.text()).toBe(200);
  await dialog.waitFor({ state: 'hidden' });
}

/**
 * draws strokes on a signature pad with the mouse: each stroke from `from` to `to` (fractions of the pad's width), a
 * wave through the middle of its height in `steps` moves; answers the pad's box
 */
export async function drawStrokes(page: Page, pad: Locator, strokes: ReadonlyArray<readonly [number, number]>, steps: number): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = (await pad.boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
  const { x, y, width, height } = box;
  for (const [from, to] of strokes) {
    await page.mouse.move(x + width * from, y + height * 0.3);
    await page.mouse.down();
    for (let i = 1; i <= steps; i++) await page.mouse.move(x + width * (from + ((to - from) * i) / steps), y + height * (0.3 + 0.4 * Math.sin((i / steps) * Math.PI)));
    await page.mouse.up();
  }
  return box;
}
