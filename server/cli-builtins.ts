import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand } from './cli-commands.ts';
import { demoBanner, seedDemo } from './demo/demo.seed.ts';
import { anchorConfig, exportForAuditor, verifyAudit } from './platform/audit/audit-checkpoint.service.ts';
import { audit } from './platform/audit/audit.service.ts';
import { hashPassword, passwordProblems } from './platform/auth/password.ts';
import { isSanyuanRole, ROLE_CODES } from './platform/auth/roles.ts';
import { startPlatform } from './platform/bootstrap.ts';
import { cliActor, withoutGlobalOptions, withPlatform, type CliEnv } from './platform/cli/cli-env.ts';
import { keyFilePath, readKeyFile, writeKeyFile, writeSecretFile } from './platform/config/config.ts';
import { recordKeyCheck } from './platform/crypto/secret-key.ts';
import { backup, readBackupHeader, restore } from './platform/db/backup.ts';
import { connect } from './platform/db/connect.ts';
import { lockDataDir, type DataDirLock } from './platform/db/data-dir-lock.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { syncTallies } from './platform/indicators/indicator.tally.ts';
import { syncLedgerTables } from './platform/ledger/ledger.schema.ts';
import type { ModuleDefinition } from './platform/module.ts';
import { orgCodeSchema } from './platform/orgs/org.service.ts';

type Modules = () => Promise<ModuleDefinition[]>;

/** the platform's own commands besides serve; those marked `forward` also run inside a running server */
export function builtinCliCommands(modules: Modules): CliCommand[] {
  return [
    {
      name: 'demo',
      usage: 'demo                      在空数据库中创建演示数据',
      async run(_args, { overrides, out }) {
        const s = await startPlatform(await modules(), overrides);
        try {
          const created = await seedDemo(s.platform);
          out(created ? `演示数据已创建。\n${demoBanner()}` : '数据库不是空的，未创建演示数据。');
          return created ? 0 : 1;
        } finally {
          await s.handle.close();
        }
      },
    },
    {
      name: 'migrate',
      usage: 'migrate                   升级数据库结构',
      async run(_args, { overrides, out }) {
        const s = await startPlatform(await modules(), overrides);
        out(s.migrated.length ? `已执行迁移：\n${s.migrated.join('\n')}` : '数据库结构已是最新。');
        await s.handle.close();
        return 0;
      },
    },
    {
      name: 'user',
      sub: 'add',
      usage: 'user add --username U --name 姓名 --org 代码 --role 角色 [--password P] [--org-name 名称]',
      forward: true,
      run: (args, env) => userAdd(modules, args, env),
    },
    {
      name: 'user',
      sub: 'reset-password',
      usage: 'user reset-password --username U   重置密码（含三员账号），在本控制台显示一次性密码，首次登录须修改',
      forward: true,
      run: (args, env) => userResetPassword(modules, args, env),
    },
    {
      name: 'audit',
      sub: 'verify',
      usage: 'audit verify [--anchors FILE]  核验审计日志：带密钥的哈希链与全部检查点（FILE：审计员此前导出的检查点）',
      forward: true,
      pathOptions: ['anchors'],
      run: (args, env) => auditVerify(modules, args, env),
    },
    {
      name: 'audit',
      sub: 'checkpoints',
      usage: 'audit checkpoints --out FILE   记录当前链头并导出全部检查点（JSON Lines），由审计员离线保存',
      forward: true,
      pathOptions: ['out'],
      async run(args, env) {
        const file = outOption(args, env, '导出文件');
        if (file === null) return 2;
        const head = await withPlatform(modules, env, async (p) => {
          const { head: recorded, text } = await exportForAuditor(p.db, anchorConfig(p.config), { actor: cliActor, ip: 'cli' });
          writeSecretFile(file, text);
          return recorded;
        });
        env.out(`已导出检查点：${file}（当前链头：第 ${head?.lastId} 号条目，共 ${head?.count} 条）。请离线保存，核验时用 fazhi audit verify --anchors ${file}`);
        return 0;
      },
    },
    {
      name: 'backup',
      usage: 'backup --out FILE         备份全部数据（含附件与加密密钥）；服务运行时由服务进程写出',
      forward: true,
      pathOptions: ['out'],
      async run(args, env) {
        const file = outOption(args, env, '备份文件');
        if (file === null) return 2;
        const r = await withPlatform(modules, env, (p) => backup(p.db, file, { secretKey: p.config.secretKey, auditKey: p.config.auditKey, filesDir: join(p.config.dataDir, 'files') }));
        env.out(`备份完成：${file}（${r.tables} 张表，${r.rows} 行，${r.files} 个附件）。备份含加密密钥，请妥善保管。`);
        return 0;
      },
    },
    {
      name: 'restore',
      usage: 'restore FILE              恢复备份到空的数据目录或数据库',
      run: async (args, env) => restoreCommand(modules, env, withoutGlobalOptions(args)[0], env.out),
    },
  ];
}

/** the --out FILE a command writes to; null (after saying so) when it is missing */
function outOption(args: string[], env: CliEnv, what: string): string | null {
  const { values } = parseArgs({ args: withoutGlobalOptions(args), allowPositionals: true, strict: false, options: { out: { type: 'string' } } });
  if (typeof values.out === 'string') return values.out;
  env.err(`请用 --out FILE 指定${what}`);
  return null;
}

async function userAdd(modules: Modules, args: string[], env: CliEnv): Promise<number> {
  const { values } = parseArgs({
    args: withoutGlobalOptions(args),
    allowPositionals: true,
    strict: false,
    options: { username: { type: 'string' }, name: { type: 'string' }, org: { type: 'string' }, 'org-name': { type: 'string' }, role: { type: 'string', multiple: true }, password: { type: 'string' } },
  });
  const { err, out } = env;
  const username = typeof values.username === 'string' ? values.username : '';
  const name = typeof values.name === 'string' ? values.name : username;
  const org = typeof values.org === 'string' ? values.org : '';
  const orgName = typeof values['org-name'] === 'string' ? values['org-name'] : undefined;
  const roles = (values.role ?? []).filter((r): r is string => typeof r === 'string');
  if (!username || !org || roles.length === 0) {
    err('用法：fazhi user add --username U --name 姓名 --org 单位代码 --role 角色 [--role 角色] [--password P]');
    return 2;
  }
  const badRoles = roles.filter((r) => !(ROLE_CODES as readonly string[]).includes(r));
  if (badRoles.length) {
    err(`角色不存在：${badRoles.join('、')}；可选：${ROLE_CODES.join('、')}`);
    return 2;
  }
  if (roles.some(isSanyuanRole) && new Set(roles).size > 1) {
    err('三员（系统管理员、安全保密管理员、安全审计员）账号只能担任其中一种角色，且不能兼任其他角色');
    return 2;
  }
  if (!orgCodeSchema.safeParse(org).success) {
    err('单位代码须为12位统计用区划代码');
    return 2;
  }
  const password = typeof values.password === 'string' ? values.password : '';
  const problems = password ? passwordProblems(password, username) : [];
  if (problems.length) {
    err(`密码不符合要求：${problems.join('；')}`);
    return 2;
  }
  return withPlatform(modules, env, async (platform) => {
    const db = platform.db;
    const exists = await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst();
    if (exists) {
      err(`用户名 ${username} 已存在`);
      return 1;
    }
    const orgRow = await db.selectFrom('org').select('code').where('code', '=', org).executeTakeFirst();
    if (!orgRow && orgName === undefined) {
      err(`单位 ${org} 不存在；首次建立顶级单位时请同时给出 --org-name`);
      return 1;
    }
    const { generatePassword } = await import('./platform/auth/user.service.ts');
    const initial = password || generatePassword();
    await db.transaction().execute(async (tx) => {
      const w = { actor: cliActor, ip: 'cli', tx };
      if (!orgRow) {
        await tx.insertInto('org').values({ code: org, parent_code: null, name: orgName ?? '', kind: org.endsWith('000000') ? 'county' : 'town', path: `/${org}/` }).execute();
        await audit(w, { entity: 'org', entityId: org, action: 'create', orgCode: org, diff: { name: orgName } });
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
  });
}

async function restoreCommand(modules: Modules, env: CliEnv, file: string | undefined, out: (l: string) => void): Promise<number> {
  const { overrides, err } = env;
  if (!file || !existsSync(file)) {
    err('用法：fazhi restore FILE（备份文件不存在）');
    return 2;
  }
  const header = await readBackupHeader(file);
  const backupKey = Buffer.from(header.secretKey, 'hex');
  const databaseUrl = overrides.databaseUrl ?? process.env['DATABASE_URL'];
  const dataDir = overrides.dataDir ?? process.env['FAZHI_DATA'] ?? './data';
  const envKey = process.env['FAZHI_SECRET_KEY'];
  if (envKey && envKey.toLowerCase() !== header.secretKey.toLowerCase()) {
    err('FAZHI_SECRET_KEY 与备份中的密钥不同：请使用备份时的密钥，否则加密字段无法解密');
    return 1;
  }
  let lock: DataDirLock | undefined;
  if (!databaseUrl) {
    mkdirSync(dataDir, { recursive: true });
    lock = lockDataDir(dataDir);
    if (existsSync(join(dataDir, 'pgdata'))) {
      lock.release();
      err(`数据目录 ${dataDir} 已有数据库，请恢复到新的空目录`);
      return 1;
    }
  }
  const auditKey = restoreAuditKey(header.auditKey, dataDir);
  if (typeof auditKey === 'string') {
    lock?.release();
    err(auditKey);
    return 1;
  }
  const all = await modules();
  const handle = await connect({ databaseUrl, dataDir, lock });
  try {
    const extra = Object.assign({}, ...all.map((m) => m.migrations ?? {}));
    await migrateToLatest(handle.db, extra);
    // declared ledgers' tables come from their declarations, as at every start
    await syncLedgerTables(handle.db, all.flatMap((m) => m.ledgers ?? []));
    const r = await restore(handle.db, file, join(dataDir, 'files'));
    // the restored instance starts with the backup's key: in the key file unless FAZHI_SECRET_KEY (equal to it) is set
    await recordKeyCheck(handle.db, backupKey);
    const keyNote = envKey ? '' : placeKeyFile(dataDir, backupKey);
    // the indicator tally is not in the backup: it is counted from the restored records
    await syncTallies(handle.db, all.flatMap((m) => m.ledgers ?? []), all.flatMap((m) => m.indicators ?? []), { force: true });
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

/**
 * the way to give a 三员 account (or any account) a new password: on the server, by whoever runs it, never
 * through the API, so no administrator can take over another's account; the password is shown once, here
 */
async function userResetPassword(modules: Modules, args: string[], env: CliEnv): Promise<number> {
  const { values } = parseArgs({ args: withoutGlobalOptions(args), allowPositionals: true, strict: false, options: { username: { type: 'string' } } });
  const username = typeof values.username === 'string' ? values.username : '';
  if (!username) {
    env.err('用法：fazhi user reset-password --username U');
    return 2;
  }
  return withPlatform(modules, env, async (platform) => {
    const db = platform.db;
    const user = await db.selectFrom('app_user').select(['id', 'org_code', 'version']).where('username', '=', username).executeTakeFirst();
    if (!user) {
      env.err(`用户 ${username} 不存在`);
      return 1;
    }
    const { generatePassword } = await import('./platform/auth/user.service.ts');
    const password = generatePassword();
    const hashed = await hashPassword(password);
    await db.transaction().execute(async (tx) => {
      const now = new Date();
      await tx.updateTable('app_user').set({ password_hash: hashed, must_change_password: true, failed_logins: 0, locked_until: null, updated_at: now, version: user.version + 1 }).where('id', '=', user.id).execute();
      await tx.updateTable('session').set({ revoked_at: now, revoked_reason: 'password_reset' }).where('user_id', '=', user.id).where('revoked_at', 'is', null).execute();
      await audit({ actor: cliActor, ip: 'cli', tx, now }, { entity: 'user', entityId: user.id, action: 'password_reset', orgCode: user.org_code, diff: { via: 'cli', username } });
    });
    env.out(`已重置 ${username} 的密码。一次性密码：${password}\n（仅显示这一次；请当面交给本人，首次登录须修改）`);
    return 0;
  });
}

async function auditVerify(modules: Modules, args: string[], env: CliEnv): Promise<number> {
  const { values } = parseArgs({ args: withoutGlobalOptions(args), allowPositionals: true, strict: false, options: { anchors: { type: 'string' } } });
  const anchorsFile = typeof values.anchors === 'string' ? values.anchors : undefined;
  if (anchorsFile !== undefined && !existsSync(anchorsFile)) {
    env.err(`检查点文件 ${anchorsFile} 不存在`);
    return 2;
  }
  const r = await withPlatform(modules, env, (p) =>
    verifyAudit(p.db, anchorConfig(p.config), anchorsFile ? { anchors: { text: readFileSync(anchorsFile, 'utf8'), where: `导出的检查点文件 ${anchorsFile}` } } : {}),
  );
  if (r.ok) {
    env.out(`审计日志完整：已核验 ${r.checked} 条，哈希链连续，${r.checkpoints} 个检查点均吻合。`);
    return 0;
  }
  env.out(`审计日志核验未通过：${r.problem ?? ''}${r.firstBad ? `（此前 ${r.checked} 条完好）` : ''}`);
  return 1;
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
