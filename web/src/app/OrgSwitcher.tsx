import { useQueryClient } from '@tanstack/react-query';
import { App, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { api, errorText } from '../platform/api.ts';
import { orgTreeOptions } from '../platform/org-tree.ts';
import type { Me } from '../platform/session.ts';

/** county users narrow their view to a town or department below them; every cached query is refetched */
export function OrgSwitcher({ me, block = false }: { me: Me; block?: boolean }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const treeData = useMemo(() => orgTreeOptions(me.orgs), [me.orgs]);
  if (me.orgs.length <= 1) return null;
  const change = async (code: string): Promise<void> => {
    if (code === me.currentOrg?.code) return;
    setBusy(true);
    try {
      await api.post('/api/me/org', { code });
      const name = me.orgs.find((o) => o.code === code)?.name ?? code;
      void message.success(`已切换到：${name}`);
      // everything on screen was for the previous organisation
      await queryClient.invalidateQueries();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <TreeSelect
      aria-label="切换单位"
      className="fz-org-switcher"
      {...(me.currentOrg ? { value: me.currentOrg.code } : {})}
      treeData={treeData}
      treeDefaultExpandedKeys={me.currentOrg ? [me.currentOrg.code, ...me.orgs.filter((o) => o.parentCode === null).map((o) => o.code)] : []}
      onChange={(v: string) => void change(v)}
      loading={busy}
      disabled={busy}
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder="选择单位"
      style={{ width: block ? '100%' : 240 }}
      popupMatchSelectWidth={block ? true : 300}
      prefix="当前单位"
    />
  );
}
