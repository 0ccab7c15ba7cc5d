import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, vi } from 'vitest';
import type { Timeline } from '../platform/workflow/workflow.service.ts';
import { json, type TestApp } from './harness.ts';

/** what integration tests of workflow ledgers do again and again: a fixed clock, transitions, clocks, attachments */

/**
 * the test file's clock stands at `now` (only Date is faked) from before its app starts until after it closes;
 * call it before the file's own beforeAll/afterAll (after-hooks run in reverse, so the clock is restored last)
 */
export function fixedClock(now: string): void {
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(now) });
  });
  afterAll(() => {
    vi.useRealTimers();
  });
}

export type Step = (cookie: string, id: number, name: string, payload: Record<string, unknown>) => Promise<LightMyRequestResponse>;

/** posts a transition of a record under `base` (/api/ledgers/x.y); `app` is read when called, after beforeAll */
export const transitionStep =
  (app: () => TestApp, base: string): Step =>
  (cookie, id, name, payload) =>
    app().request(cookie, { method: 'POST', url: `${base}/${id}/transitions/${name}`, payload });

/** the same step, expected to succeed: the record's timeline after it */
export const succeeding =
  (step: Step) =>
  async (cookie: string, id: number, name: string, payload: Record<string, unknown>): Promise<Timeline> => {
    const res = await step(cookie, id, name, payload);
    expect(res.statusCode, `${name}: ${res.body}`).toBe(200);
    return json<Timeline>(res);
  };

export const clockOf = (tl: Timeline, id: string) => tl.clocks.find((c) => c.id === id);

/** uploads a small PDF as an attachment of the given kind (multipart, as the web app sends it) */
export function uploadPdf(t: TestApp, cookie: string, url: string, kind: string, file: { name: string; content: string }): Promise<LightMyRequestResponse> {
  const boundary = 'fazhi-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n${file.content}\r\n--${boundary}--\r\n`),
  ]);
  return t.request(cookie, { method: 'POST', url, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
}
