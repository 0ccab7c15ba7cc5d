import { describe, expect, it } from 'vitest';
import { diffRows, type DiffVocabulary } from './audit-text.ts';

const vocab: DiffVocabulary = {
  field: (k) => ({ summary: '纠纷概要', mediator_id: '承办调解员' })[k],
  state: (v) => ({ received: '已收到', accepted: '已受理', answered: '已答复', lapsed: '已终止' })[v],
  value: (_k, v) => String(v),
};
const text = (diff: unknown): string[] => diffRows(diff, vocab).map((r) => `${r.label}：${r.from === undefined ? r.to : `${r.from} → ${r.to}`}`);

describe('an audit diff in Chinese', () => {
  it('reads a workflow step: its label, the states by name, each clock by name and date, no internal word', () => {
    const rows = text({ date: '2026-11-06', label: '受理（普通程序）', state: { to: 'accepted', from: 'received' }, clocks: { decide: { due: { to: '2027-01-05', from: null }, label: '复议决定期限' } }, transition: 'accept' });
    expect(rows).toEqual(['办理日期：2026-11-06', '办理环节：受理（普通程序）', '办理状态：已收到 → 已受理', '复议决定期限：2027-01-05']);
    expect(rows.join()).not.toMatch(/accept|decide|clocks|[{}]/);
  });

  it('names a file by its name, kind and size, without its hash or JSON', () => {
    expect(text({ attachment: { id: 11, sm3: '5d2cb9b4', kind: '行政复议决定书', mime: 'application/pdf', name: '行政复议决定书.pdf', size: 135 } })).toEqual(['附件：行政复议决定书.pdf（行政复议决定书，135 字节）']);
  });

  it('says when and where a photo was taken on the spot, or that no position was given', () => {
    const photo = { id: 12, sm3: 'ab12', kind: '现场照片', mime: 'image/jpeg', name: 'IMG_0001.jpg', size: 2048, takenAt: '2026-12-05T01:30:00.000Z' };
    expect(text({ attachment: { ...photo, place: { lat: 39.9087243, lng: 116.3974812, accuracy: 12.5 } } })).toEqual(['附件：IMG_0001.jpg（现场照片，2.0 KB，拍摄于 2026-12-05 09:30，位置 39.90872, 116.39748 ±13 m）']);
    expect(text({ attachment: { ...photo, place: null } })).toEqual(['附件：IMG_0001.jpg（现场照片，2.0 KB，拍摄于 2026-12-05 09:30，未获取位置）']);
  });

  it('counts the records a workflow adopted, by state name', () => {
    expect(text({ states: { lapsed: 3, answered: 174 }, records: 177 })).toEqual(['各办理状态的记录数：已终止 3件、已答复 174件', '记录数：177']);
  });

  it('labels fields, keeps a change from → to, and shows a stopped clock as not running', () => {
    expect(text({ summary: { from: '甲', to: '乙' }, mediator_id: { from: null, to: 16 }, clocks: { c: { label: '调解期限', due: { from: '2026-12-01', to: null } } } })).toEqual(['纠纷概要：甲 → 乙', '承办调解员：16', '调解期限：2026-12-01 → （不计时）']);
  });
});
