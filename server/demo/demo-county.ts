/** the fictional demo county (the prefix 99 is no real province); its layout is a stable contract */
export const DEMO_COUNTY = { code: '999001000000', name: '演示县' };

export const DEMO_TOWNS = [
  { code: '999001001000', name: '城关镇' },
  { code: '999001002000', name: '清溪镇' },
  { code: '999001003000', name: '石桥乡' },
] as const;

export const COUNTY_DEPARTMENTS = [
  { suffix: '01', name: '县司法局' },
  { suffix: '02', name: '县综合行政执法局' },
  { suffix: '03', name: '县人民政府办公室' },
] as const;

export const TOWN_DEPARTMENTS = [
  { suffix: '01', name: '党政办公室' },
  { suffix: '02', name: '司法所' },
  { suffix: '03', name: '综合行政执法队' },
  { suffix: '04', name: '信访办' },
] as const;

export const DEMO_PASSWORD = 'Fazhi@2026';

/** one account per role; the documented demo logins (README and the start banner print them) */
export const DEMO_USERS = [
  { username: 'sysadmin', displayName: '王建国', org: DEMO_COUNTY.code, roles: ['sysadmin'], note: '系统管理员' },
  { username: 'secadmin', displayName: '李安平', org: DEMO_COUNTY.code, roles: ['secadmin'], note: '安全保密管理员' },
  { username: 'auditor', displayName: '赵审言', org: DEMO_COUNTY.code, roles: ['auditor'], note: '安全审计员' },
  { username: 'county', displayName: '周法明', org: DEMO_COUNTY.code, roles: ['county_admin'], note: '县级管理员（依法治县办）' },
  { username: 'supervisor', displayName: '孙正清', org: DEMO_COUNTY.code, roles: ['supervisor'], note: '执法监督员（县级，监督全县）' },
  { username: 'leader', displayName: '陈志远', org: '999001001000', roles: ['leader'], note: '单位负责人（城关镇）' },
  { username: 'reviewer', displayName: '刘思齐', org: '999001001000', roles: ['reviewer'], note: '审核员（城关镇）' },
  { username: 'legal', displayName: '黄律衡', org: '999001001000', roles: ['legal_reviewer'], note: '法制审核员（城关镇）' },
  { username: 'clerk', displayName: '张晓燕', org: '999001001000', roles: ['clerk'], note: '填报员（城关镇）' },
  { username: 'clerk2', displayName: '吴海波', org: '999001002000', roles: ['clerk'], note: '填报员（清溪镇）' },
  { username: 'clerk3', displayName: '郑春梅', org: '999001003000', roles: ['clerk'], note: '填报员（石桥乡）' },
] as const;
