import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearDraft, draftKey, readDraft, restoredNotice, writeDraft } from './drafts.ts';

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

afterEach(() => vi.unstubAllGlobals());

const fields = [
  { name: 'summary', label: '纠纷概要' },
  { name: 'id_no', label: '申请人证件号码', personal: 'id' },
  { name: 'phone', label: '联系电话', personal: 'phone' },
];

describe('drafts on the device', () => {
  it('keeps what is typed per user, ledger and record, never a personal field', () => {
    const storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
    const key = draftKey(7, 'mediation.case', 'new');
    writeDraft(key, { summary: '追索劳动报酬', id_no: '110101199003070011', phone: '13800000000', empty: '' }, fields);
    expect(readDraft(key)).toEqual({ summary: '追索劳动报酬' });
    expect(storage.getItem(key)).not.toContain('110101199003070011');
    expect(readDraft(draftKey(8, 'mediation.case', 'new'))).toBeNull();
    clearDraft(key);
    expect(readDraft(key)).toBeNull();
  });
  it('says which personal fields were not kept', () => {
    expect(restoredNotice([])).toBe('已恢复未保存的内容');
    expect(restoredNotice(['申请人证件号码'])).toContain('申请人证件号码属个人信息，不在本机保存');
  });
});
