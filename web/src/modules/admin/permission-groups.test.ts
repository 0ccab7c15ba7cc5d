import { describe, expect, it } from 'vitest';
import { groupPermissions } from './permission-groups.ts';

describe('groupPermissions', () => {
  const permissions = [
    { code: 'org.read', label: '查看组织机构' },
    { code: 'org.manage', label: '管理组织机构' },
    { code: 'mediation.case.read', label: '矛盾纠纷调解：查看' },
    { code: 'mediation.case.create', label: '矛盾纠纷调解：新增' },
    { code: 'review.use', label: '年度报告数字审查' },
  ];

  it('heads a group with the module label, else with the part its labels share', () => {
    const groups = groupPermissions(permissions, { org: '组织机构' });
    expect(groups.map((g) => g.label)).toEqual(['组织机构', '矛盾纠纷调解', '其他功能']);
    expect(groups[1]?.permissions.map((p) => p.short)).toEqual(['查看', '新增']);
  });

  it('never shows a bare code as a heading', () => {
    const groups = groupPermissions(permissions, {});
    expect(groups.map((g) => g.label)).not.toContain('org');
    expect(groups.at(-1)?.permissions.map((p) => p.code)).toEqual(['org.read', 'org.manage', 'review.use']);
  });
});
