import { Card, Flex, Switch, Tag, Typography } from 'antd';
import { formatDateTime } from '../../platform/format.ts';
import type { ReportContent, UnitSource } from './report-api.ts';

const SOURCE: Record<UnitSource['source'], { label: string; color: string }> = {
  submitted: { label: '已报送', color: 'green' },
  live: { label: '未报送·按台账实时数计入', color: 'gold' },
  missing: { label: '未报送·未计入', color: 'red' },
};

/**
 * a county's report: each unit's figures come from the report it submitted; a unit that has not submitted is left out
 * of the totals unless the county chooses to count its live ledger figures (labelled 实时 in the appendix)
 */
export function UnitsPanel({ units, content, onChange, readOnly }: { units: UnitSource[]; content: ReportContent; onChange: (c: ReportContent) => void; readOnly: boolean }) {
  const unsent = units.filter((u) => u.source !== 'submitted').length;
  return (
    <Card size="small" title="各单位数据来源" data-testid="units-panel" extra={<Typography.Text type="secondary">{`已报送 ${units.length - unsent} / ${units.length}`}</Typography.Text>}>
      <Flex vertical gap={8}>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          各乡镇（街道）、部门的数据取自其已报送的年度报告，报送后新增的台账记录不影响本报告；县本级数据取自本级台账。
        </Typography.Text>
        {units.map((u) => (
          <Flex key={u.code} justify="space-between" align="center" gap={8} wrap>
            <Typography.Text>{u.name}</Typography.Text>
            <span>
              <Tag color={SOURCE[u.source].color}>{SOURCE[u.source].label}</Tag>
              {u.submittedAt ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(u.submittedAt)}</Typography.Text> : null}
            </span>
          </Flex>
        ))}
        {unsent > 0 ? (
          <Flex gap={8} align="center">
            <Switch size="small" aria-label="未报送单位按台账实时数计入" disabled={readOnly} checked={content.liveUnsubmitted === true} onChange={(v) => onChange({ ...content, liveUnsubmitted: v })} />
            <Typography.Text style={{ fontSize: 13 }}>未报送单位按台账实时数计入（附件中标注“实时”，保存后生效）</Typography.Text>
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
}
