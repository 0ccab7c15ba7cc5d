import { Result } from 'antd';
import { useParams } from 'react-router';
import { isApiError } from '../../platform/api.ts';
import { LoadFailed } from '../../platform/LoadFailed.tsx';

/** the ledger name and record id from the route */
export function useLedgerRoute(): { name: string; id: number } {
  const { name = '', id = '' } = useParams();
  return { name, id: Number(id) };
}

/** what a ledger page shows when its metadata or record cannot be had: 403 and 404 in words, anything else with a retry */
export function LedgerLoadFailed({ error, onRetry, noun = '记录' }: { error: unknown; onRetry?: () => void; noun?: string }) {
  if (isApiError(error) && error.status === 403) return <Result status="403" title="无权访问" subTitle={error.detail || '您当前的角色无权查看该台账。如需开通，请联系安全保密管理员。'} />;
  // an unknown ledger name is answered with the router's "接口不存在"; say it in the user's terms
  if (isApiError(error) && error.status === 404) return <Result status="404" title={`${noun}不存在`} subTitle={noun === '台账' ? '没有这个台账，请从左侧菜单进入。' : error.detail || `该${noun}不存在，或不在您的管辖范围内。`} />;
  return <LoadFailed error={error} {...(onRetry ? { onRetry } : {})} />;
}
