import { Button, Result } from 'antd';
import { errorText } from './api.ts';

/** what a page shows when its data could not be loaded */
export function LoadFailed({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Result
      status="warning"
      title="数据加载失败"
      subTitle={errorText(error)}
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            重新加载
          </Button>
        ) : null
      }
    />
  );
}
