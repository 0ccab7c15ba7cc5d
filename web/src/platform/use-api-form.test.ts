import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { problemText } from './use-api-form.ts';

describe('problemText', () => {
  it('says each refusal once: the detail, then what it does not already say', () => {
    const e = new ApiError({ type: 'about:blank', title: '不满足办理条件', status: 422, code: 'gate_refused', detail: '不能办理“调解结案”：调解结果须为调解成功、调解不成或终止调解', errors: [] } as never);
    const unmatched = [
      { path: 'check', label: '调解结案', message: '调解结果须为调解成功、调解不成或终止调解' },
      { path: 'x', label: '协议类型', message: '请选择协议类型' },
      { path: 'y', label: '协议类型', message: '请选择协议类型' },
    ];
    expect(problemText(e, unmatched)).toBe('不能办理“调解结案”：调解结果须为调解成功、调解不成或终止调解；协议类型：请选择协议类型');
  });
});
