import { describe, expect, it } from 'vitest';
import { bounds, findQuantities, matchForm, parseChineseNumeral, toHalfWidth, toSimplified } from './numbers.ts';

const quantities = (text: string) =>
  findQuantities(matchForm(text)).map((q) => ({
    raw: text.slice(q.start, q.end),
    value: q.value,
    unit: q.unit,
    approximation: q.approximation,
    normalized: q.normalized,
  }));

describe('Chinese numerals', () => {
  it.each([
    ['三', 3],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['一百二十', 120],
    ['一百零五', 105],
    ['两千', 2000],
    ['一万二千', 12000],
    ['三亿', 300000000],
  ])('reads %s as %i', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it.each(['十四五', '二〇二四', '百', '零'])('refuses %s, which is not a quantity', (text) => {
    expect(parseChineseNumeral(text)).toBeUndefined();
  });
});

describe('normalisation', () => {
  it('turns full-width digits and punctuation half-width without changing positions', () => {
    const text = '调解成功率９５％，（其中）：１２３';
    expect(toHalfWidth(text)).toBe('调解成功率95%,(其中):123');
    expect(toHalfWidth(text)).toHaveLength(text.length);
  });

  it('simplifies traditional characters with the same length', () => {
    const text = '開展普法活動，化解矛盾糾紛，調解成功率達到';
    expect(toSimplified(text)).toBe('开展普法活动，化解矛盾纠纷，调解成功率达到');
    expect(toSimplified(text)).toHaveLength(text.length);
  });
});

describe('quantities', () => {
  it('reads units, approximation markers and 万 multipliers', () => {
    expect(quantities('协议涉及金额1140余万元，惠及群众5万余人次，约300人参加，近200人次，20人左右，合格率95%以上')).toEqual([
      { raw: '1140余万元', value: 1140, unit: '万元', approximation: 'more', normalized: { value: 11400000, unit: '元' } },
      { raw: '5万余人次', value: 5, unit: '万人次', approximation: 'more', normalized: { value: 50000, unit: '人次' } },
      { raw: '约300人', value: 300, unit: '人', approximation: 'about', normalized: { value: 300, unit: '人' } },
      { raw: '近200人次', value: 200, unit: '人次', approximation: 'under', normalized: { value: 200, unit: '人次' } },
      { raw: '20人左右', value: 20, unit: '人', approximation: 'about', normalized: { value: 20, unit: '人' } },
      { raw: '95%以上', value: 95, unit: '%', approximation: 'atLeast', normalized: { value: 95, unit: '%' } },
    ]);
  });

  it('reads Chinese numerals with units', () => {
    expect(quantities('召开三次会议，设立十五个调解室，组织两千余人，一百二十名网格员，十多场，三万人次').map((q) => [q.raw, q.value, q.unit])).toEqual([
      ['三次', 3, '次'],
      ['十五个', 15, '个'],
      ['两千余人', 2000, '人'],
      ['一百二十名', 120, '名'],
      ['十多场', 10, '场'],
      ['三万人次', 3, '万人次'],
    ]);
  });

  it('reads thousands separators, full-width digits and 百分之', () => {
    expect(quantities('出具意见书1,140份，化解纠纷３１件，调解成功率９５．５％，知晓率百分之九十').map((q) => [q.raw, q.value, q.unit])).toEqual([
      ['1,140份', 1140, '份'],
      ['３１件', 31, '件'],
      ['９５．５％', 95.5, '%'],
      ['百分之九十', 90, '%'],
    ]);
  });

  it('leaves out dates, document numbers, ordinals, phone numbers, codes and law names', () => {
    const text =
      '2024年3月1日前，依据国办发〔2018〕118号，第一，第3次，一是，二、，（一），拨打12345热线，电话0573-12345678，' +
      '索引号1133070373602550XG/2021-45834，《行政处罚法》第六十条，“十四五”规划，3·8妇女节，17:44';
    expect(quantities(text)).toEqual([]);
  });

  it('leaves out slogans in quotes and set phrases that only look like counts', () => {
    const text = '实现“最多跑一次”，建立“三张清单”，落实行政执法三项制度，增强四个意识，一支队伍管执法，统一一套制度';
    expect(quantities(text)).toEqual([]);
  });

  it('does not mistake 最近 for an approximation', () => {
    expect(quantities('最近3次检查')).toEqual([
      { raw: '3次', value: 3, unit: '次', approximation: undefined, normalized: { value: 3, unit: '次' } },
    ]);
  });

  it('does not mistake the 约 ending 村规民约 for an approximation', () => {
    expect(quantities('审核合同及村规民约58次，约20次')).toEqual([
      { raw: '58次', value: 58, unit: '次', approximation: undefined, normalized: { value: 58, unit: '次' } },
      { raw: '约20次', value: 20, unit: '次', approximation: 'about', normalized: { value: 20, unit: '次' } },
    ]);
  });
});

describe('bounds of approximate values', () => {
  it.each([
    [20, 'more', [20, 30]],
    [4000, 'more', [4000, 5000]],
    [300, 'about', [270, 330]],
    [200, 'under', [180, 200]],
    [95, 'atLeast', [95, Infinity]],
    [46, undefined, [46, 46]],
  ] as const)('%i %s', (value, approximation, expected) => {
    const [low, high] = bounds(value, approximation);
    expect([Math.round(low), high === Infinity ? high : Math.round(high)]).toEqual(expected);
  });
});
