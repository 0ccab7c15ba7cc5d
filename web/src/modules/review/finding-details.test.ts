import { describe, expect, it } from 'vitest';
import { findingDetails } from './finding-details.ts';

describe('the lines under a finding', () => {
  it('labels the report’s words 文中写明 and the reviewer’s arithmetic 核算结果, for a rate as for a sum', () => {
    const quote = '收到调解申请582宗，成功调处553宗，调解成功率90%。';
    expect(
      findingDetails({
        relation: '“调解成功率” = 成功调处 ÷ 调解申请',
        figures: [{ label: '调解成功率', raw: '90%', quote }, { label: '成功调处', raw: '553宗', quote }],
        arithmetic: '553 ÷ 582 × 100% ≈ 95% ≠ 90%',
      }),
    ).toEqual({
      relation: '依据：“调解成功率” = 成功调处 ÷ 调解申请',
      figures: [
        { figure: '调解成功率 90%', stated: `文中写明：${quote}` },
        { figure: '成功调处 553宗', stated: `文中写明：${quote}` },
      ],
      computed: '核算结果：553 ÷ 582 × 100% ≈ 95% ≠ 90%',
    });
  });

  it('shows nothing it was not given (a missing part has no figures)', () => {
    expect(findingDetails({ relation: '', figures: [], arithmetic: '' })).toEqual({ relation: '', figures: [], computed: '' });
  });
});
