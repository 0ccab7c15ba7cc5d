import { describe, expect, it } from 'vitest';
import { findPersonalData, isIdNumber15, isIdNumber18, luhn, redactDeep, redactText, redactionPreview } from './redact.ts';

describe('personal data in free text', () => {
  it('checks the ID number check character', () => {
    expect(isIdNumber18('11010519491231002X')).toBe(true);
    expect(isIdNumber18('110105194912310021')).toBe(false);
    expect(isIdNumber18('440304199013078917')).toBe(false); // month 13
    expect(isIdNumber15('110105491231002')).toBe(true);
    expect(isIdNumber15('110105491331002')).toBe(false);
    expect(luhn('6222021234567890123')).toBe(false);
    expect(luhn('4111111111111111')).toBe(true);
  });

  it('finds an ID number glued to Chinese text on both sides and masks it', () => {
    const text = '申请人王小明，身份证号440304199003078917，住深圳市。另一人身份证号码为11010519491231002x的张三。';
    const spans = findPersonalData(text);
    expect(spans.map((s) => [s.kind, s.text])).toEqual([
      ['id_number', '440304199003078917'],
      ['id_number', '11010519491231002x'],
    ]);
    expect(redactText(text)).toBe('申请人王小明，身份证号440304********8917，住深圳市。另一人身份证号码为110105********002x的张三。');
  });

  it('finds the 15-digit ID number', () => {
    expect(redactText('旧证号110105491231002已换领')).toBe('旧证号110105*****1002已换领');
  });

  it('finds mobile and fixed phone numbers in several spellings', () => {
    const text = '联系电话13812345678，或138-1234-5678、+86 139 1234 5678，办公室010-62345678，（0755）83456789转分机。';
    const out = redactText(text);
    expect(out).toBe('联系电话138****5678，或138-****-5678、+86 139 **** 5678，办公室010-****5678，（0755）****6789转分机。');
    expect(findPersonalData(text).every((s) => s.kind === 'phone')).toBe(true);
  });

  it('finds bank card numbers that pass the Luhn check, and e-mail addresses', () => {
    const text = '请汇入账户4111111111111111或 4111 1111 1111 1111，邮箱zhang.san@example.com。';
    expect(redactText(text)).toBe('请汇入账户4111********1111或 4111 **** **** 1111，邮箱z***@example.com。');
  });

  it('leaves amounts, 文号, dates, USCCs and other numbers alone', () => {
    const text = [
      '罚款人民币12000元，没收违法所得3456.78元，合计金额123456789012345.50元。',
      '依据某政发〔2024〕12号文件，2024年3月15日作出，案号综执罚〔2024〕0012号。',
      '统一社会信用代码91110108MA01ABCD2X，登记编号20240315000123，邮编100010。',
      '流水号123456789012345678（校验不符），订单号6222021234567890123。',
    ].join('');
    expect(findPersonalData(text)).toEqual([]);
    expect(redactText(text)).toBe(text);
  });

  it('masks the names of private persons the record knows, every occurrence, longest first', () => {
    const text = '当事人李建国于2024年5月在经营中……李建国对违法事实无异议。李建';
    const out = redactText(text, { names: ['李建国', null, '', '李*'] });
    expect(out).toBe('当事人李某某于2024年5月在经营中……李某某对违法事实无异议。李建');
  });

  it('gives a preview with spans, labels and the redacted text', () => {
    const p = redactionPreview('王五，电话13912345678', { names: ['王五'] });
    expect(p.redacted).toBe('王某某，电话139****5678');
    expect(p.spans.map((s) => [s.start, s.end, s.label])).toEqual([[0, 2, '个人姓名'], [5, 16, '电话号码']]);
  });

  it('redacts every string inside a nested value and keeps the rest', () => {
    const v = { title: '公告', n: 3, rows: [{ text: '电话13812345678' }], at: null };
    expect(redactDeep(v)).toEqual({ title: '公告', n: 3, rows: [{ text: '电话138****5678' }], at: null });
  });
});
