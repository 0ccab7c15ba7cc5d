import { Tag } from 'antd';
import type { TimelineClock } from './ledger-types.ts';

/** a clock's state at a glance: 已超期 / 即将到期 / 正常, or why it is not counting */
export function DeadlineBadge({ clock }: { clock: Pick<TimelineClock, 'status' | 'overdue' | 'dueSoon' | 'daysLeft'> & { unit?: TimelineClock['unit'] } }) {
  const u = clock.unit === 'hours' ? ' 小时' : ' 天';
  if (clock.status === 'error') return <Tag color="error">无法计算</Tag>;
  if (clock.status === 'pending') return <Tag>未起算</Tag>;
  if (clock.status === 'stopped') return clock.overdue ? <Tag color="warning">超期办结</Tag> : <Tag color="success">已办结</Tag>;
  if (clock.status === 'paused') return <Tag color="default">已中止计时</Tag>;
  if (clock.overdue) return <Tag color="error">已超期{clock.daysLeft !== null ? ` ${Math.abs(clock.daysLeft)}${u}` : ''}</Tag>;
  if (clock.dueSoon) return <Tag color="warning">即将到期{clock.daysLeft !== null ? (clock.unit === 'hours' && clock.daysLeft === 0 ? '（不足1小时）' : `（剩 ${clock.daysLeft}${u}）`) : ''}</Tag>;
  return <Tag color="processing">正常{clock.daysLeft !== null ? `（剩 ${clock.daysLeft}${u}）` : ''}</Tag>;
}
