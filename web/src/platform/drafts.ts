/**
 * what a user types into a form is kept on the device until it is saved (decision 0038): per user, ledger and
 * record or step, in localStorage so it survives a reload, a closed tab or a dead battery. Fields the ledger
 * declares personal are never written there: localStorage is plain text on the phone.
 */
export interface DraftField {
  name: string;
  label: string;
  personal?: string | boolean | undefined;
}

export const draftKey = (userId: number, ledger: string, target: string): string => `fz.draft.${userId}.${ledger}.${target}`;

export function readDraft<T extends Record<string, unknown>>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as T) : null;
  } catch {
    return null;
  }
}

/** the labels of the personal fields a draft leaves out */
export function personalLabels(fields: readonly DraftField[]): string[] {
  return fields.filter((f) => f.personal).map((f) => f.label);
}

/** keeps the values, without personal fields and without empty ones; nothing to keep removes the draft */
export function writeDraft(key: string, values: Record<string, unknown>, fields: readonly DraftField[]): void {
  const personal = new Set(fields.filter((f) => f.personal).map((f) => f.name));
  const kept = Object.fromEntries(Object.entries(values).filter(([k, v]) => !personal.has(k) && v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)));
  try {
    if (Object.keys(kept).length) localStorage.setItem(key, JSON.stringify(kept));
    else localStorage.removeItem(key);
  } catch {
    // storage full or disabled: the form itself still holds the input
  }
}

export function clearDraft(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // storage disabled: nothing was kept
  }
}

/** the notice shown over a restored form */
export function restoredNotice(skipped: readonly string[]): string {
  return skipped.length ? `已恢复未保存的内容（${skipped.join('、')}属个人信息，不在本机保存，请重新填写）` : '已恢复未保存的内容';
}
