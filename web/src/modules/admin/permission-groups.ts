export interface PermissionGroup {
  key: string;
  label: string;
  permissions: Array<{ code: string; label: string; short: string }>;
}

const LABEL_SEPARATOR = /[：:]/;

/**
 * permissions grouped by their code without the last segment ("org.manage" → "org",
 * "mediation.case.read" → "mediation.case"); the heading is the module's label for that key, else the
 * part the permissions' labels share before "：" ("矛盾纠纷调解：查看" → "矛盾纠纷调解"), else the
 * label of the code's first segment; permissions with no heading at all are listed under 其他功能
 */
export function groupPermissions(permissions: ReadonlyArray<{ code: string; label: string }>, headings: Readonly<Record<string, string>>): PermissionGroup[] {
  const groups = new Map<string, { key: string; items: Array<{ code: string; label: string }> }>();
  for (const p of permissions) {
    const cut = p.code.lastIndexOf('.');
    const key = cut > 0 ? p.code.slice(0, cut) : p.code;
    const g = groups.get(key) ?? { key, items: [] };
    g.items.push(p);
    groups.set(key, g);
  }
  const named: PermissionGroup[] = [];
  const other: PermissionGroup = { key: '', label: '其他功能', permissions: [] };
  for (const { key, items } of groups.values()) {
    const heads = new Set(items.map((p) => (LABEL_SEPARATOR.test(p.label) ? p.label.split(LABEL_SEPARATOR)[0] : undefined)));
    const shared = heads.size === 1 ? [...heads][0] : undefined;
    const label = headings[key] ?? shared ?? headings[key.split('.')[0] ?? key];
    const permissions = items.map((p) => ({ ...p, short: shared && p.label.startsWith(shared) ? p.label.slice(shared.length + 1) : p.label }));
    // no Chinese heading to be had: such permissions are listed together rather than under a code
    if (label) named.push({ key, label, permissions });
    else other.permissions.push(...permissions);
  }
  return other.permissions.length ? [...named, other] : named;
}
