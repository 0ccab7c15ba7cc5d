import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../demo/demo-county.ts';
import { hashPassword } from './auth/password.ts';
import { EXPECTED_ACCESS as decisionsAccess } from '../modules/decisions/access.expected.ts';
import { EXPECTED_ACCESS as disclosureAccess } from '../modules/disclosure/access.expected.ts';
import { EXPECTED_ACCESS as enforcementAccess } from '../modules/enforcement/access.expected.ts';
import { EXPECTED_ACCESS as supervisionAccess } from '../modules/supervision/access.expected.ts';
import { EXPECTED_ACCESS as evaluationAccess } from '../modules/evaluation/access.expected.ts';
import { EXPECTED_ACCESS as legalAdvisorsAccess } from '../modules/legal-advisors/access.expected.ts';
import { json, startTestApp, type TestApp } from '../test/harness.ts';

let t: TestApp;
const cookies = new Map<string, string>();
const roleUser = { sysadmin: 'sysadmin', secadmin: 'secadmin', auditor: 'auditor', county_admin: 'county', supervisor: 'supervisor', leader: 'leader', reviewer: 'reviewer', legal_reviewer: 'legal', clerk: 'clerk' } as const;
type Role = keyof typeof roleUser;
const ALL = Object.keys(roleUser) as Role[];
const BUSINESS: Role[] = ['county_admin', 'supervisor', 'leader', 'reviewer', 'legal_reviewer', 'clerk'];

/**
 * the expected matrix, written out by hand: route → roles allowed. 'any' means every signed-in user.
 * A route registered without a line here fails the test, so every new route gets a decision.
 */
const EXPECTED: Record<string, Role[] | 'any' | 'public'> = {
  'POST /api/auth/login': 'public',
  'GET /api/public/instance': 'public',
  'POST /api/auth/logout': 'any',
  'POST /api/auth/password': 'any',
  'GET /api/me': 'any',
  'POST /api/me/org': 'any',
  'GET /api/home': 'any',
  'GET /api/home/charts': 'any',
  'GET /api/orgs': ['sysadmin', ...BUSINESS],
  'POST /api/orgs': ['sysadmin'],
  'PUT /api/orgs/:code': ['sysadmin'],
  'POST /api/orgs/:code/status': ['sysadmin'],
  'POST /api/orgs/import': ['sysadmin'],
  'GET /api/users': ['sysadmin', 'secadmin'],
  'GET /api/users/:id': ['sysadmin', 'secadmin'],
  'POST /api/users': ['sysadmin'],
  'PUT /api/users/:id': ['sysadmin'],
  'POST /api/users/:id/reset-password': ['sysadmin'],
  'POST /api/users/:id/unlock': ['sysadmin'],
  'PUT /api/users/:id/roles': ['secadmin'],
  'PUT /api/users/:id/units': ['secadmin'],
  'GET /api/roles': ['sysadmin', 'secadmin'],
  'POST /api/roles': ['secadmin'],
  'PUT /api/roles/:code': ['secadmin'],
  'DELETE /api/roles/:code': ['secadmin'],
  'GET /api/sessions': ['sysadmin'],
  'DELETE /api/sessions/:id': ['sysadmin'],
  'GET /api/audit': ['auditor'],
  'GET /api/audit/vocabulary': ['auditor'],
  'POST /api/audit/verify': ['auditor'],
  'POST /api/audit/verify/anchors': ['auditor'],
  'GET /api/audit/checkpoints': ['auditor'],
  'POST /api/audit/checkpoints/export': ['auditor'],
  'GET /api/ledgers': 'any',
  'GET /api/indicators': BUSINESS,
  'GET /api/indicators/:id': BUSINESS,
  'POST /api/review': ['county_admin', 'supervisor', 'reviewer', 'leader'],
  'GET /api/calendar/years': ['sysadmin'],
  'GET /api/calendar/:year': ['sysadmin'],
  'POST /api/calendar/load': ['sysadmin'],
  'POST /api/calendar/preview': ['sysadmin'],
  'GET /api/deadline': 'any',
  'GET /api/deadlines': 'any',
  'GET /api/public/reconsideration/decisions': 'public',
  'GET /api/public/publicity/duties': 'public',
  'GET /api/public/reconsideration/decisions/:id': 'public',
  'GET /api/deadlines/export.xlsx': 'any',
  'GET /api/mediation/cases/:id/agreement': BUSINESS,
  'GET /api/notifications': 'any',
  'POST /api/notifications/:id/read': 'any',
  'POST /api/notifications/read-all': 'any',
  'GET /api/todos': 'any',
  'GET /api/todos/count': 'any',
  'GET /api/admin/notify-webhook': ['sysadmin'],
  'PUT /api/admin/notify-webhook': ['sysadmin'],
  'GET /api/numbering': ['county_admin'],
  'GET /api/numbering/preview': ['county_admin'],
  'PUT /api/numbering/format': ['county_admin'],
  'GET /api/dictionaries': ['county_admin'],
  'PUT /api/dictionaries/:setting': ['county_admin'],
  'GET /api/reports/annual': BUSINESS,
  'POST /api/reports/annual': ['clerk', 'reviewer', 'leader', 'county_admin'],
  'GET /api/reports/annual/:id': BUSINESS,
  'PUT /api/reports/annual/:id': ['clerk', 'reviewer', 'leader', 'county_admin'],
  'POST /api/reports/annual/:id/submit': ['leader', 'county_admin'],
  'POST /api/reports/annual/:id/correction': ['leader', 'county_admin'],
  'GET /api/reports/annual/:id/export': BUSINESS,
  'GET /api/reports/annual/versions/:id/export': BUSINESS,
  'GET /api/reports/annual/versions/:id/diff': BUSINESS,
  'POST /api/reports/annual/versions/:id/return': ['county_admin'],
  'POST /api/reports/annual/versions/:id/secrecy': ['reviewer', 'county_admin'],
  'POST /api/reports/annual/versions/:id/publish': ['leader', 'county_admin'],
  'GET /api/reports/annual/rollup': ['county_admin', 'supervisor'],
  'GET /api/reports/annual/compare': ['county_admin', 'supervisor'],
  'GET /api/reports/templates/annual': ['county_admin'],
  'PUT /api/reports/templates/annual': ['county_admin'],
  'GET /api/reports/deadlines': BUSINESS,
  'PUT /api/reports/deadlines': ['county_admin'],
  'GET /api/reports/submissions': ['county_admin', 'supervisor'],
  'GET /api/reports/submissions/export.xlsx': ['county_admin', 'supervisor'],
  'POST /api/reports/submissions/urge': ['county_admin', 'supervisor'],
  'GET /api/reports/reminder-days': BUSINESS,
  'PUT /api/reports/reminder-days': ['county_admin'],
  'GET /api/public/reports': 'public',
  'GET /api/public/reports/:id': 'public',
  'GET /api/public/reports/:id/download': 'public',
  'GET /api/reports/enforcement-stats/layouts': BUSINESS,
  'POST /api/reports/enforcement-stats/layouts': ['county_admin'],
  'GET /api/reports/enforcement-stats/rollup': ['county_admin', 'supervisor'],
  'GET /api/reports/enforcement-stats': BUSINESS,
  'POST /api/reports/enforcement-stats': ['clerk', 'reviewer', 'leader', 'county_admin'],
  'GET /api/reports/enforcement-stats/:id': BUSINESS,
  'PUT /api/reports/enforcement-stats/:id': ['clerk', 'reviewer', 'leader', 'county_admin'],
  'POST /api/reports/enforcement-stats/:id/submit': ['leader', 'county_admin'],
  'POST /api/reports/enforcement-stats/:id/correction': ['leader', 'county_admin'],
  'GET /api/reports/enforcement-stats/:id/export': BUSINESS,
  'GET /api/reports/enforcement-stats/versions/:id': BUSINESS,
  'GET /api/reports/reconciliation': BUSINESS,
  'GET /api/public/enforcement-stats': 'public',
  'GET /api/public/enforcement-stats/:id': 'public',
  'GET /api/public/enforcement-stats/:id/download': 'public',
};

/** who may do what on a ledger unless its declaration says otherwise — written out here, not imported */
const LEDGER_POLICY: Record<string, Role[]> = {
  read: ['clerk', 'reviewer', 'legal_reviewer', 'leader', 'supervisor', 'county_admin'],
  create: ['clerk', 'reviewer', 'county_admin'],
  update: ['clerk', 'reviewer', 'county_admin'],
  withdraw: ['reviewer', 'leader', 'county_admin'],
  export: ['clerk', 'reviewer', 'leader', 'supervisor', 'county_admin'],
  import: ['clerk', 'reviewer', 'county_admin'],
};

/** who may extend a statutory clock unless a workflow says otherwise: the unit's leader and the county */
const EXTENSION_DEFAULT: Role[] = ['leader', 'county_admin'];

/** who may correct or revoke a closed or published record unless a workflow says otherwise */
const CORRECTION_DEFAULT: Role[] = ['reviewer', 'leader', 'county_admin'];

/** the action each generated ledger route needs */
const LEDGER_ROUTES: Array<[string, string]> = [
  ['GET /meta', 'read'],
  ['GET ', 'read'],
  ['GET /:id', 'read'],
  ['GET /:id/history', 'read'],
  ['POST ', 'create'],
  ['PUT /:id', 'update'],
  ['POST /:id/withdraw', 'withdraw'],
  ['POST /withdraw-batch', 'withdraw'],
  ['GET /template.xlsx', 'import'],
  ['POST /import', 'import'],
  ['GET /export.xlsx', 'export'],
  ['POST /:id/attachments', 'update'],
  ['GET /:id/attachments/:fileId', 'read'],
  ['POST /:id/attachments/:fileId/remove', 'update'],
];

type WorkflowLike = { transitions: ReadonlyArray<{ name: string; permission?: string; roles?: readonly string[] }>; clocks?: ReadonlyArray<{ id: string; extension?: { permission?: string; roles?: readonly string[] } }>; correction?: { roles?: readonly string[] } };

function addLedgerExpectations(ledgers: ReadonlyArray<{ name: string; roles?: Partial<Record<string, readonly string[]>>; workflow?: WorkflowLike }>): void {
  for (const l of ledgers) {
    if (l.workflow) {
      // a transition needs its own permission: the route admits the union, the service checks the one named
      const rolesOf = (permission: string | undefined, roles: readonly string[] | undefined, fallback: Role[]): Role[] => {
        if (roles) return roles as Role[];
        if (!permission) return fallback;
        const action = permission?.startsWith(`${l.name}.`) ? permission.slice(l.name.length + 1) : undefined;
        if (!action) return [];
        return (l.roles?.[action] as Role[] | undefined) ?? LEDGER_POLICY[action] ?? [];
      };
      EXPECTED[`GET /api/ledgers/${l.name}/:id/timeline`] = (l.roles?.['read'] as Role[] | undefined) ?? LEDGER_POLICY['read'] ?? [];
      EXPECTED[`POST /api/ledgers/${l.name}/:id/transitions/:transition`] = [...new Set(l.workflow.transitions.flatMap((t) => rolesOf(t.permission, t.roles, (l.roles?.['update'] as Role[] | undefined) ?? LEDGER_POLICY['update'] ?? [])))];
      const ext = (l.workflow.clocks ?? []).filter((c) => c.extension);
      if (ext.length) EXPECTED[`POST /api/ledgers/${l.name}/:id/clocks/:clock/extend`] = [...new Set(ext.flatMap((c) => rolesOf(c.extension?.permission, c.extension?.roles, EXTENSION_DEFAULT)))];
      // 更正/撤回 of locked records; versions and the author's own draft withdrawal are open to readers (the service checks authorship)
      const readers = (l.roles?.['read'] as Role[] | undefined) ?? LEDGER_POLICY['read'] ?? [];
      for (const r of ['GET /:id/correction', 'GET /:id/versions', 'GET /:id/versions/:n', 'POST /:id/withdraw-draft']) EXPECTED[r.replace(' ', ` /api/ledgers/${l.name}`)] = readers;
      for (const r of ['POST /:id/correct', 'POST /:id/revoke']) EXPECTED[r.replace(' ', ` /api/ledgers/${l.name}`)] = (l.workflow.correction?.roles as Role[] | undefined) ?? CORRECTION_DEFAULT;
    }
    for (const [route, action] of LEDGER_ROUTES) {
      const [method, suffix] = route.split(' ') as [string, string];
      EXPECTED[`${method} /api/ledgers/${l.name}${suffix}`] = (l.roles?.[action] as Role[] | undefined) ?? LEDGER_POLICY[action] ?? [];
    }
  }
}

beforeAll(async () => {
  t = await startTestApp();
  // modules list their own custom routes' expected access beside their code
  for (const extra of [decisionsAccess, disclosureAccess, enforcementAccess, supervisionAccess, evaluationAccess, legalAdvisorsAccess]) Object.assign(EXPECTED, extra);
  addLedgerExpectations(t.platform.ledgers.all() as unknown as Parameters<typeof addLedgerExpectations>[0]);
  for (const [role, username] of Object.entries(roleUser)) cookies.set(role, await t.login(username));
});
afterAll(async () => t.close());

function concrete(url: string): string {
  return url.replace(':code', '999001001000').replace(':fileId', '1').replace(':id', '999999').replace(':year', '2026').replace(':transition', 'x').replace(':clock', 'x');
}

describe('permission matrix', () => {
  it('has an expectation for every registered route', () => {
    const registered = t.api.routes.map((r) => `${r.method} ${r.url}`);
    expect(registered.filter((r) => EXPECTED[r] === undefined)).toEqual([]);
  });

  it('refuses every non-public route without a session', async () => {
    for (const r of t.api.routes) {
      if (EXPECTED[`${r.method} ${r.url}`] === 'public' || r.access === 'public') continue;
      const res = await t.request(null, { method: r.method, url: concrete(r.url), ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { payload: {} }) });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('allows and denies each role exactly as the matrix says', async () => {
    const mismatches: string[] = [];
    for (const [key, allowed] of Object.entries(EXPECTED)) {
      if (allowed === 'public' || key.endsWith('/logout')) continue;
      const [method, url] = key.split(' ') as ['GET' | 'POST' | 'PUT' | 'DELETE', string];
      for (const role of ALL) {
        const res = await t.request(cookies.get(role) ?? null, { method, url: concrete(url), ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }) });
        const should = allowed === 'any' || allowed.includes(role);
        const denied = res.statusCode === 403;
        if (should === denied) mismatches.push(`${key} as ${role}: ${res.statusCode}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 900_000);
});

describe('data scope', () => {
  it('shows a town user their own organisation subtree and never a sibling', async () => {
    const orgs = json<{ items: Array<{ code: string }> }>(await t.request(cookies.get('clerk') ?? null, { method: 'GET', url: '/api/orgs' }));
    expect(orgs.items.map((o) => o.code).every((c) => c.startsWith('999001001000'))).toBe(true);
    expect(orgs.items.length).toBe(5);
  });

  it('answers 404 when a town user switches to a sibling town', async () => {
    const res = await t.request(cookies.get('clerk') ?? null, { method: 'POST', url: '/api/me/org', payload: { code: '999001002000' } });
    expect(res.statusCode).toBe(404);
  });

  it('lets a county user narrow the view to one town', async () => {
    const cookie = await t.login('county');
    expect((await t.request(cookie, { method: 'POST', url: '/api/me/org', payload: { code: '999001002000' } })).statusCode).toBe(200);
    const orgs = json<{ items: Array<{ code: string }> }>(await t.request(cookie, { method: 'GET', url: '/api/orgs' }));
    expect(orgs.items.map((o) => o.code).every((c) => c.startsWith('999001002000'))).toBe(true);
  });

  it('hides a sibling town’s accounts from a town-level administrator, with 404 on details', async () => {
    const admin = cookies.get('sysadmin') ?? null;
    expect((await t.request(admin, { method: 'POST', url: '/api/users', payload: { username: 'townadmin', displayName: '镇管理员', orgCode: '999001001000', initialPassword: 'Zhen#Guanli26' } })).statusCode).toBe(200);
    const sec = cookies.get('secadmin') ?? null;
    const all = json<{ items: Array<{ id: number; username: string; orgCode: string }> }>(await t.request(sec, { method: 'GET', url: '/api/users' }));
    const townAdmin = all.items.find((u) => u.username === 'townadmin');
    expect((await t.request(sec, { method: 'PUT', url: `/api/users/${townAdmin?.id}/roles`, payload: { roles: ['sysadmin'] } })).statusCode).toBe(200);
    // becoming 三员 voided the password the creator typed; the server's `fazhi user reset-password` gives a new one
    const created = { initialPassword: 'Yici#Mima2026' };
    await t.platform.db.updateTable('app_user').set({ password_hash: await hashPassword(created.initialPassword), must_change_password: true }).where('username', '=', 'townadmin').execute();
    let cookie = await t.login('townadmin', created.initialPassword);
    expect((await t.request(cookie, { method: 'POST', url: '/api/auth/password', payload: { oldPassword: created.initialPassword, newPassword: 'Chengguan#2026' } })).statusCode).toBe(200);
    cookie = await t.login('townadmin', 'Chengguan#2026');
    const mine = json<{ items: Array<{ orgCode: string }> }>(await t.request(cookie, { method: 'GET', url: '/api/users' }));
    expect(mine.items.every((u) => u.orgCode.startsWith('999001001000'))).toBe(true);
    const sibling = all.items.find((u) => u.username === 'clerk2');
    expect((await t.request(cookie, { method: 'GET', url: `/api/users/${sibling?.id}` })).statusCode).toBe(404);
    expect((await t.request(cookie, { method: 'POST', url: `/api/users/${sibling?.id}/reset-password`, payload: { password: 'Qingxi#Temp26' } })).statusCode).toBe(404);
    expect(DEMO_USERS.length).toBeGreaterThanOrEqual(9);
  });
});
