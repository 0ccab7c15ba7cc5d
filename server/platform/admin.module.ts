import { defineModule } from './module.ts';

/** navigation for the platform's own pages: home, account and the three administrators' pages */
export const adminModule = defineModule({
  name: 'admin',
  label: '系统管理',
  nav: [
    { path: '/', label: '工作台', permission: 'home.view', group: '工作台', icon: 'home', order: 0 },
    { path: '/admin/orgs', label: '组织机构', permission: 'org.manage', group: '系统管理', icon: 'apartment', order: 900 },
    { path: '/admin/users', label: '用户管理', permission: 'user.manage', group: '系统管理', icon: 'user', order: 901 },
    { path: '/admin/user-roles', label: '角色分配', permission: 'role.manage', group: '系统管理', icon: 'team', order: 902 },
    { path: '/admin/roles', label: '角色权限', permission: 'role.manage', group: '系统管理', icon: 'safety', order: 903 },
    { path: '/admin/sessions', label: '在线用户', permission: 'session.manage', group: '系统管理', icon: 'desktop', order: 904 },
    { path: '/admin/audit', label: '审计日志', permission: 'audit.read', group: '安全审计', icon: 'audit', order: 905 },
  ],
});
