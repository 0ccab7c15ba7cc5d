#!/usr/bin/env node
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from './app.ts';
import { demoBanner, seedDemo } from './demo/demo.seed.ts';
import { modules } from './modules/index.ts';
import { anchorConfig, exportCheckpoints, recordCheckpoint, startAnchoring, verifyAudit, type AnchorConfig } from './platform/audit/audit-checkpoint.service.ts';
import { audit } from './platform/audit/audit.service.ts';
import { hashPassword, passwordProblems } from './platform/auth/password.ts';
import { isSanyuanRole, ROLE_CODES } from './platform/auth/roles.ts';
import { startPlatform, type Started } from './platform/bootstrap.ts';
import { backup, readBackupHeader, restore } from './platform/db/backup.ts';
import { connect } from './platform/db/connect.ts';
import { lockDataDir, type DataDirLock } from './platform/db/data-dir-lock.ts';
import { keyFilePath, readKeyFile, writeKeyFile, writeSecretFile } from './platform/config/config.ts';
import { recordKeyCheck } from './platform/crypto/secret-key.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { syncLedgerTables } from './platform/ledger/ledger.schema.ts';
import { syncTallies } from './platform/indicators/indicator.tally.ts';
import { systemActor } from './platform/http/context.ts';
import { orgCodeSchema } from './platform/orgs/org.service.ts';
import { cliCommands } from './cli-commands.ts';

const USAGE = `法治 fazhi — 法治政府建设工作平台

用法: fazhi <命令> [选项]

  serve [--demo]            启动服务（--demo：空数据库时创建演示县与演示账号）
  demo                      在空数据库中创建演示数据
  migrate                   升级数据库结构
  user add --username U --name 姓名 --org 代码 --role 角色 [--password P] [--org-name 名称]
  user reset-password --username U   重置密码（含三员账号），在本控制台显示一次性密码，首次登录须修改
  audit verify [--anchors FILE]  核验审计日志：带密钥的哈希链与全部检查点（FILE：审计员此前导出的检查点）
  audit checkpoints --out FILE   记录当前链头并导出全部检查点（JSON Lines），由审计员离线保存
  backup --out FILE         备份全部数据（含附件与加密密钥）
  restore FILE              恢复备份到空的数据目录或数据库
${cliCommands.map((c) => `  ${c.usage}`).join('\n')}

通用选项: --data DIR（嵌入式数据库目录，默认 ./data）或环境变量 DATABASE_URL；--port N
嵌入式数据目录同一时间只能由一个进程打开：服务运行时，对同一目录执行的其他命令（包括只读命令）都会被拒绝，请先停止服务。
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: false,
    options: {
      data: { type: 'string' },
      demo: { type: 'boolean' },
      port: { type: 'string' },
      out: { type: 'string' },
      anchors: { type: 'string' },
      username: { type: 'string' },
      name: { type: 'string' },
      org: { type: 'string' },
      'org-name': { type: 'string' },
      role: { type: 'string', multiple: true },
      password: { type: 'string' },
    },
  });
  const dataDir = typeof values.data === 'string' ? values.data : undefined;
  const overrides = { dataDir, port: typeof values.port === 'string' ? Number(values.port) : undefined };
  const out = (line: string): void => console.log(line);

  const extra = cliCommands.find((c) => c.name === command && (!c.sub || c.sub === rest[0]));
  switch (command) {
    case 'serve':
      return serve(overrides, values.demo === true);
    case 'demo': {
      const s = await startPlatform(modules, overrides);
      const created = await seedDemo(s.platform);
      out(created ? `演示数据已创建。\n${demoBanner()}` : '数据库不是空的，未创建演示数据。');
      await s.handle.close();
      return created ? 0 : 1;
    }
    case 'migrate': {
      const s = await startPlatform(modules, overrides);
      out(s.migrated.length ? `已执行迁移：\n${s.migrated.join('\n')}` : '数据库结构已是最新。');
      await s.handle.close();
      return 0;
    }
    case 'user':
      if (positionals[0] === 'reset-password') return userResetPassword(overrides, values, out);
      if (positionals[0] !== 'add') break;
      return userAdd(overrides, values, out);
    case 'audit': {
      if (positionals[0] === 'verify') return auditVerify(overrides, typeof values.anchors === 'string' ? values.anchors : undefined, out);
      if (positionals[0] !== 'checkpoints') break;
      if (typeof values.out !== 'string') {
        console.error('请用 --out FILE 指定导出文件');
        return 2;
      }
      const s = await startPlatform(modules, overrides);
      try {
        const anchor = anchorConfig(s.platform.config);
        await s.platform.db.transaction().execute((tx) => audit({ actor: systemActor, ip: 'cli', tx }, { entity: 'audit', entityId: 'checkpoints', action: 'export_checkpoints' }));
        const head = await recordCheckpoint(s.platform.db, anchor, 'export');
        writeSecretFile(values.out, await exportCheckpoints(s.platform.db, anchor));
        out(`已导出检查点：${values.out}（当前链头：第 ${head?.lastId} 号条目，共 ${head?.count} 条）。请离线保存，核验时用 fazhi audit verify --anchors ${values.out}`);
        return 0;
      } finally {
        await s.handle.close();
      }
    }
    case 'backup': {
      if (typeof values.out !== 'string') {
        console.error('请用 --out FILE 指定备份文件');
        return 2;
      }
      const s = await startPlatform(modules, overrides);
      const r = await backup(s.platform.db, values.out, { secretKey: s.platform.config.secretKey, auditKey: s.platform.config.auditKey, filesDir: join(s.platform.config.dataDir, 'files') });
      await s.handle.close();
      out(`备份完成：${values.out}（${r.tables} 张表，${r.rows} 行，${r.files} 个附件）。备份含加密密钥，请妥善保管。`);
      return 0;
    }
    case 'restore':
      return restoreCommand(overrides, positionals[0], out);
    case undefined:
    case 'help':
    case '--help':
      out(USAGE);
      return 0;
    default:
      break;
  }
  if (extra) return extra.run(rest, { overrides, out });
  console.error(`未知命令：${argv.join(' ')}\n\n${USAGE}`);
  return 2;
}

async function serve(overrides: { dataDir?: string | undefined; port?: number | undefined }, demo: boolean): Promise<number> {
  const started: Started = await startPlatform(modules, overrides);
  const { platform, handle } = started;
  if (demo && (await seedDemo(platform))) platform.log.info('demo county created');
  const { app } = await buildApp(platform);
  // the chain head is anchored at start, periodically, and at shutdown (decision 0008)
  const anchoring = await startAnchoring(platform.db, anchorConfig(platform.config), platform.config.auditCheckpointMinutes, platform.log);
  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    platform.log.info({ signal }, 'shutting down');
    await app.close();
    await anchoring.stop().catch((err: unknown) => platform.log.error({ err }, 'audit checkpoint at shutdown failed'));
    await handle.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  for (const m of platform.modules) await m.onServe?.(platform);
  await app.listen({ port: platform.config.port, host: platform.config.host });
  const where = `http://${platform.config.host}:${platform.config.port}`;
  console.log(`\n法治平台已启动：${where}  （数据：${platform.config.databaseUrl ? 'PostgreSQL' : platform.config.dataDir}）`);
  if (demo) console.log(demoBanner());
  return -1;
}

async function userAdd(overrides: { dataDir?: string | undefined }, values: Record<string, unknown>, out: (l: string) => void): Promise<number> {
  const username = String(values['username'] ?? '');
  const name = String(values['name'] ?? username);
  const org = String(values['org'] ?? '');
  const roles = (values['role'] as string[] | undefined) ?? [];
  if (!username || !org || roles.length === 0) {
    console.error('用法：fazhi user add --username U --name 姓名 --org 单位代码 --role 角色 [--role 角色] [--password P]');
    return 2;
  }
  const badRoles = roles.filter((r) => !(ROLE_CODES as readonly string[]).includes(r));
  if (badRoles.length) {
    console.error(`角色不存在：${badRoles.join('、')}；可选：${ROLE_CODES.join('、')}`);
    return 2;
  }
  if (roles.some(isSanyuanRole) && new Set(roles).size > 1) {
    console.error('三员（系统管理员、安全保密管理员、安全审计员）账号只能担任其中一种角色，且不能兼任其他角色');
    return 2;
  }
  if (!orgCodeSchema.safeParse(org).success) {
    console.error('单位代码须为12位统计用区划代码');
    return 2;
  }
  const password = typeof values['password'] === 'string' ? values['password'] : '';
  const problems = password ? passwordProblems(password, username) : [];
  if (problems.length) {
    console.error(`密码不符合要求：${problems.join('；')}`);
    return 2;
  }
  const s = await startPlatform(modules, overrides);
  const db = s.platform.db;
  try {
    const exists = await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst();
    if (exists) {
      console.error(`用户名 ${username} 已存在`);
      return 1;
    }
    const orgRow = await db.selectFrom('org').select('code').where('code', '=', org).executeTakeFirst();
    if (!orgRow && typeof values['org-name'] !== 'string') {
      console.error(`单位 ${org} 不存在；首次建立顶级单位时请同时给出 --org-name`);
      return 1;
    }
    const { generatePassword } = await import('./platform/auth/user.service.ts');
    const initial = password || generatePassword();
    await db.transaction().execute(async (tx) => {
      const w = { actor: systemActor, ip: 'cli', tx };
      if (!orgRow) {
        await tx.insertInto('org').values({ code: org, parent_code: null, name: String(values['org-name']), kind: org.endsWith('000000') ? 'county' : 'town', path: `/${org}/` }).execute();
        await audit(w, { entity: 'org', entityId: org, action: 'create', orgCode: org, diff: { name: values['org-name'] } });
      }
      const row = await tx
        .insertInto('app_user')
        .values({ username, display_name: name, org_code: org, password_hash: await hashPassword(initial), must_change_password: true, locked_until: null, last_login_at: null, phone_enc: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx.insertInto('user_role').values(roles.map((r) => ({ user_id: row.id, role_code: r }))).execute();
      await audit(w, { entity: 'user', entityId: row.id, action: 'create', orgCode: org, diff: { username, roles } });
    });
    out(`已创建用户 ${username}（${roles.join('、')}），初始密码：${initial}（首次登录须修改）`);
    return 0;
  } finally {
    await s.handle.close();
  }
}

/**
 * the way to give a 三员 account (or any account) a new password: on the server, by whoever runs it, never
 * through the API, so no administrator can take over another's account; the password is shown once, here
 */
async function userResetPassword(overrides: { dataDir?: string | undefined }, values: Record<string, unknown>, out: (l: string) => void): Promise<number> {
  const username = typeof values['username'] === 'string' ? values['username'] : '';
  if (!username) {
    console.error('用法：fazhi user reset-password --username U');
    return 2;
  }
  const s = await startPlatform(modules, overrides);
  const db = s.platform.db;
  try {
    const user = await db.selectFrom('app_user').select(['id', 'org_code', 'version']).where('username', '=', username).executeTakeFirst();
    if (!user) {
      console.error(`用户 ${username} 不存在`);
      return 1;
    }
    const { generatePassword } = await import('./platform/auth/user.service.ts');
    const password = generatePassword();
    const hashed = await hashPassword(password);
    await db.transaction().execute(async (tx) => {
      const now = new Date();
      await tx.updateTable('app_user').set({ password_hash: hashed, must_change_password: true, failed_logins: 0, locked_until: null, updated_at: now, version: user.version + 1 }).where('id', '=', user.id).execute();
      await tx.updateTable('session').set({ revoked_at: now, revoked_reason: 'password_reset' }).where('user_id', '=', user.id).where('revoked_at', 'is', null).execute();
      await audit({ actor: systemActor, ip: 'cli', tx, now }, { entity: 'user', entityId: user.id, action: 'password_reset', orgCode: user.org_code, diff: { via: 'cli', username } });
    });
    out(`已重置 ${username} 的密码。一次性密码：${password}\n（仅显示这一次；请当面交给本人，首次登录须修改）`);
    return 0;
  } finally {
    await s.handle.close();
  }
}

async function restoreCommand(overrides: { dataDir?: string | undefined }, file: string | undefined, out: (l: string) => void): Promise<number> {
  if (!file || !existsSync(file)) {
    console.error('用法：fazhi restore FILE（备份文件不存在）');
    return 2;
  }
  const header = await readBackupHeader(file);
  const backupKey = Buffer.from(header.secretKey, 'hex');
  const databaseUrl = process.env['DATABASE_URL'];
  const dataDir = overrides.dataDir ?? process.env['FAZHI_DATA'] ?? './data';
  const envKey = process.env['FAZHI_SECRET_KEY'];
  if (envKey && envKey.toLowerCase() !== header.secretKey.toLowerCase()) {
    console.error('FAZHI_SECRET_KEY 与备份中的密钥不同：请使用备份时的密钥，否则加密字段无法解密');
    return 1;
  }
  let lock: DataDirLock | undefined;
  if (!databaseUrl) {
    mkdirSync(dataDir, { recursive: true });
    lock = lockDataDir(dataDir);
    if (existsSync(join(dataDir, 'pgdata'))) {
      lock.release();
      console.error(`数据目录 ${dataDir} 已有数据库，请恢复到新的空目录`);
      return 1;
    }
  }
  const auditKey = restoreAuditKey(header.auditKey, dataDir);
  if (typeof auditKey === 'string') {
    lock?.release();
    console.error(auditKey);
    return 1;
  }
  const handle = await connect({ databaseUrl, dataDir, lock });
  try {
    const extra = Object.assign({}, ...modules.map((m) => m.migrations ?? {}));
    await migrateToLatest(handle.db, extra);
    // declared ledgers' tables come from their declarations, as at every start
    await syncLedgerTables(handle.db, modules.flatMap((m) => m.ledgers ?? []));
    const r = await restore(handle.db, file, join(dataDir, 'files'));
    // the restored instance starts with the backup's key: in the key file unless FAZHI_SECRET_KEY (equal to it) is set
    await recordKeyCheck(handle.db, backupKey);
    const keyNote = envKey ? '' : placeKeyFile(dataDir, backupKey);
    // the indicator tally is not in the backup: it is counted from the restored records
    await syncTallies(handle.db, modules.flatMap((m) => m.ledgers ?? []), modules.flatMap((m) => m.indicators ?? []), { force: true });
    // the restored checkpoints are checked against the restored chain; the old server's anchor file is not this database's
    const v = await verifyAudit(handle.db, { key: auditKey, file: null, db: '' });
    out(`恢复完成：${r.rows} 行，${r.files} 个附件；审计日志${v.ok ? `核验通过（${v.checked} 条，${v.checkpoints} 个检查点）` : `核验失败：${v.problem ?? ''}`}${keyNote}`);
    return v.ok ? 0 : 1;
  } finally {
    await handle.close();
  }
}

/** writes the backup's key where the restored instance reads it; a different key already there is kept aside, not lost */
function placeKeyFile(dataDir: string, key: Buffer): string {
  const existing = readKeyFile(dataDir);
  if (existing?.equals(key)) return '';
  let note = '';
  if (existing) {
    const aside = `${keyFilePath(dataDir) ?? ''}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(keyFilePath(dataDir) ?? '', aside);
    note = `；原密钥文件已另存为 ${aside}`;
  }
  return `；已写入备份中的密钥：${writeKeyFile(dataDir, key)}${note}`;
}

async function auditVerify(overrides: { dataDir?: string | undefined }, anchorsFile: string | undefined, out: (l: string) => void): Promise<number> {
  if (anchorsFile !== undefined && !existsSync(anchorsFile)) {
    console.error(`检查点文件 ${anchorsFile} 不存在`);
    return 2;
  }
  const s = await startPlatform(modules, overrides);
  const anchor: AnchorConfig = anchorConfig(s.platform.config);
  try {
    const r = await verifyAudit(s.platform.db, anchor, anchorsFile ? { anchors: { text: readFileSync(anchorsFile, 'utf8'), where: `导出的检查点文件 ${anchorsFile}` } } : {});
    if (r.ok) {
      out(`审计日志完整：已核验 ${r.checked} 条，哈希链连续，${r.checkpoints} 个检查点均吻合。`);
      return 0;
    }
    out(`审计日志核验未通过：${r.problem ?? ''}${r.firstBad ? `（此前 ${r.checked} 条完好）` : ''}`);
    return 1;
  } finally {
    await s.handle.close();
  }
}

/** the backup's audit key: FAZHI_AUDIT_KEY must match it, else it is written to audit.key; a string is the refusal */
function restoreAuditKey(fromBackup: string | undefined, dataDir: string): Buffer | string {
  const env = process.env['FAZHI_AUDIT_KEY'];
  if (env !== undefined && !/^[0-9a-f]{64}$/i.test(env)) return 'FAZHI_AUDIT_KEY 必须是64位十六进制';
  const file = join(dataDir, 'audit.key');
  const onFile = existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
  // a backup from before the keyed chain holds only unkeyed entries: any key will do for what comes next
  const key = fromBackup ?? env ?? onFile ?? randomBytes(32).toString('hex');
  if (env) return env.toLowerCase() === key.toLowerCase() ? Buffer.from(env, 'hex') : 'FAZHI_AUDIT_KEY 与备份中的审计密钥不同：请使用备份时的密钥，否则审计日志无法核验';
  if (onFile !== undefined && onFile.toLowerCase() !== key.toLowerCase()) return `${file} 已存在且与备份中的审计密钥不同：请恢复到新的数据目录`;
  mkdirSync(dataDir, { recursive: true });
  writeSecretFile(file, key);
  return Buffer.from(key, 'hex');
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
