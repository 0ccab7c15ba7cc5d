import { DeleteOutlined, StarOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { activeFilterCount, exportQuery } from '../../platform/ledger/ledger-query.ts';

interface View {
  name: string;
  query: string;
}

const key = (user: string, ledger: string): string => `fz.ledger.views.${user}.${ledger}`;

function load(user: string, ledger: string): View[] {
  try {
    const raw = localStorage.getItem(key(user, ledger));
    const v = raw ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(v) ? v.filter((x): x is View => typeof x === 'object' && x !== null && typeof (x as View).name === 'string' && typeof (x as View).query === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * 常用筛选: a user's named filter sets for one ledger, kept in this browser. Applying one replaces the filters;
 * saving takes the current filters (not the page or the paging), under a name the user gives.
 */
export function SavedViews({ user, ledger, params, onApply }: { user: string; ledger: string; params: URLSearchParams; onApply: (next: URLSearchParams) => void }) {
  const { message } = App.useApp();
  const [views, setViews] = useState<View[]>(() => load(user, ledger));
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const store = (next: View[]): void => {
    setViews(next);
    try {
      localStorage.setItem(key(user, ledger), JSON.stringify(next));
    } catch {
      void message.warning('浏览器不允许保存（如无痕模式），本筛选仅在本页有效');
    }
  };
  const current = exportQuery(params);
  const canSave = activeFilterCount(params) > 0;
  const save = (): void => {
    const n = name.trim();
    if (!n) return void message.error('请填写筛选名称');
    if (n.length > 20) return void message.error('筛选名称不超过20个字');
    store([...views.filter((v) => v.name !== n), { name: n, query: current }]);
    void message.success(`已保存常用筛选“${n}”`);
    setNaming(false);
    setName('');
  };
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            ...views.map((v) => ({
              key: `view:${v.name}`,
              label: (
                <span style={{ display: 'inline-flex', alignItems: 'center', gap: 12, justifyContent: 'space-between', minWidth: 160 }}>
                  <span>{v.name}</span>
                  <DeleteOutlined
                    aria-label={`删除常用筛选${v.name}`}
                    onClick={(e) => {
                      e.stopPropagation();
                      store(views.filter((x) => x.name !== v.name));
                    }}
                  />
                </span>
              ),
              onClick: () => onApply(new URLSearchParams(v.query)),
            })),
            ...(views.length ? [{ type: 'divider' as const }] : []),
            { key: 'save', label: canSave ? '保存当前筛选…' : '先设置筛选条件，再保存', disabled: !canSave, onClick: () => setNaming(true) },
          ],
        }}
      >
        <Button icon={<StarOutlined />}>{views.some((v) => v.query === current && current) ? `常用筛选：${views.find((v) => v.query === current)?.name ?? ''}` : '常用筛选'}</Button>
      </Dropdown>
      {naming ? (
        <Modal open title="保存常用筛选" okText="保存" cancelText="取消" onOk={save} onCancel={() => setNaming(false)} destroyOnHidden>
          <Typography.Paragraph type="secondary">保存当前的检索词和筛选条件，之后从“常用筛选”一键套用（保存在本浏览器中）。</Typography.Paragraph>
          <Input aria-label="筛选名称" placeholder="如：本月受理、待结案" maxLength={20} showCount value={name} onChange={(e) => setName(e.target.value)} onPressEnter={save} autoFocus />
        </Modal>
      ) : null}
    </>
  );
}
