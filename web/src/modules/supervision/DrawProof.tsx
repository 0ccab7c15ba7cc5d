import { CheckCircleOutlined, CloseCircleOutlined, SafetyCertificateOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { DrawCommitment, MadeDraw } from '../../../../common/supervision.types.ts';
import { formatChinaDateTime } from '../../platform/format.ts';
import { canVerifyInBrowser, sha256Hex } from '../enforcement/draw-verify.ts';

/**
 * the commit-reveal of a supervision draw, as the enforcement draws page shows it (decision 0019): 1. the seed's
 * SHA-256 and the time it was committed; 2. the frozen list's SHA-256; 3. the seed revealed at the draw
 */
const hash = (v: string) => (
  <Typography.Text code copyable style={{ fontSize: 12, wordBreak: 'break-all' }}>
    {v}
  </Typography.Text>
);

export function CommitRevealSteps({ commitment, draw, listLabel }: { commitment: DrawCommitment | null; draw: MadeDraw | null; listLabel: string }) {
  const legacy = draw !== null && draw.committedAt === null;
  const current = draw ? 3 : commitment ? 1 : 0;
  return (
    <>
      {legacy ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="旧流程抽取：种子未事先承诺。结果可按种子和名录重算，但不能证明种子在名录之前已确定。" /> : null}
      <Steps
        direction="vertical"
        size="small"
        current={current}
        style={{ marginBottom: 12 }}
        items={[
          { title: '承诺随机种子', description: commitment?.committedAt ? <>{formatChinaDateTime(commitment.committedAt)} 公开种子的SHA-256值：{hash(commitment.seedHash)}</> : legacy ? '旧流程未承诺' : '待承诺：系统生成保密的种子，只公开其SHA-256值' },
          { title: '冻结名录', description: draw ? <>{formatChinaDateTime(draw.drawnAt)} {listLabel}{draw.candidates}项，名录的SHA-256值：{hash(draw.listHash)}</> : '抽取时冻结' },
          { title: '揭示种子并抽取', description: draw ? <>揭示种子：{hash(draw.seed)}</> : '种子在抽取时公开' },
        ]}
      />
    </>
  );
}

/** the overall tag for a card's corner */
export function DrawVerdict({ draw }: { draw: MadeDraw }) {
  if (draw.verified) return <Tag icon={<CheckCircleOutlined />} color="success">重算一致</Tag>;
  const c = draw.checks;
  if (draw.committedAt === null && c.seedMatchesCommitment && c.listMatchesHash && c.resultReproduced) return <Tag icon={<WarningOutlined />} color="warning">可重算，种子未事先承诺</Tag>;
  return <Tag icon={<WarningOutlined />} color="error">重算不一致</Tag>;
}

/**
 * the three published facts as the server re-computed them, and a re-computation in this browser: SHA-256(seed)
 * against the commitment, SHA-256(list) against the list's hash, the draw re-run from seed and list
 */
export function DrawChecksView({ draw, rerun, expected }: { draw: MadeDraw; rerun: (seed: string, listText: string) => Promise<string[]>; expected: readonly string[] }) {
  const [browser, setBrowser] = useState<{ seed: boolean; list: boolean; result: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const check = async () => {
    setBusy(true);
    try {
      const again = await rerun(draw.seed, draw.listText);
      setBrowser({ seed: (await sha256Hex(draw.seed)) === draw.seedHash, list: (await sha256Hex(draw.listText)) === draw.listHash, result: JSON.stringify(again) === JSON.stringify(expected) });
    } finally {
      setBusy(false);
    }
  };
  const fact = (ok: boolean, yes: string, no: string) => (ok ? <Tag icon={<CheckCircleOutlined />} color="success">{yes}</Tag> : <Tag icon={<CloseCircleOutlined />} color="error">{no}</Tag>);
  const facts = (c: { seed: boolean; list: boolean; result: boolean }) => (
    <Space size={[0, 4]} wrap>
      {fact(c.seed, '种子与承诺一致', '种子与承诺不一致')}
      {fact(c.list, '名录与公开的SHA-256值一致', '名录与公开的SHA-256值不一致')}
      {fact(c.result, '重算结果与抽取结果一致', '重算结果与抽取结果不一致')}
    </Space>
  );
  return (
    <div data-testid="draw-checks">
      <div style={{ marginBottom: 6 }}>
        <Typography.Text type="secondary">服务器核对：</Typography.Text>
        {facts({ seed: draw.checks.seedMatchesCommitment, list: draw.checks.listMatchesHash, result: draw.checks.resultReproduced })}
      </div>
      {canVerifyInBrowser() ? (
        browser ? (
          <div>
            <Typography.Text type="secondary">本浏览器重算：</Typography.Text>
            {facts(browser)}
          </div>
        ) : (
          <Button size="small" icon={<SafetyCertificateOutlined />} loading={busy} onClick={() => void check()}>
            在本浏览器重算核对
          </Button>
        )
      ) : null}
    </div>
  );
}

/** keys SHA-256(key(x)) ascending, ties by tie, the first n: the published rule of both supervision draws */
async function firstByHash<T>(items: readonly T[], key: (x: T) => string, tie: (a: T, b: T) => number, n: number): Promise<T[]> {
  const keyed = await Promise.all(items.map(async (x) => ({ x, k: await sha256Hex(key(x)) })));
  return keyed
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : tie(a.x, b.x)))
    .slice(0, n)
    .map((e) => e.x);
}

/** the 案卷评查 draw re-run: lines “C|案卷编号|机构编码|案号”, key SHA-256(“种子|C|案卷编号|案号”); the drawn files' numbers */
export async function rerunCaseDraw(seed: string, listText: string, n: number): Promise<string[]> {
  const list = listText ? listText.split('\n').map((line) => { const [, id, , ...no] = line.split('|'); return { id: Number(id), caseNo: no.join('|') }; }) : [];
  return (await firstByHash(list, (c) => `${seed}|C|${c.id}|${c.caseNo}`, (a, b) => a.id - b.id, n)).map((c) => String(c.id));
}

/** the 监督活动 draw re-run: lines “U|机构编码|名称”, key SHA-256(“种子|U|机构编码”); the drawn codes */
export async function rerunUnitDraw(seed: string, listText: string, n: number): Promise<string[]> {
  const codes = listText ? listText.split('\n').map((line) => line.split('|')[1] ?? '') : [];
  return firstByHash(codes, (c) => `${seed}|U|${c}`, (a, b) => a.localeCompare(b), n);
}
