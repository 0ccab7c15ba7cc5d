import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

export interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  /** buttons on the right; they wrap below the title on a phone */
  extra?: ReactNode;
}

/** the title row every page starts with */
export function PageHeader({ title, description, extra }: PageHeaderProps) {
  return (
    <Flex className="fz-page-header" justify="space-between" align="flex-start" wrap gap={12}>
      <div className="fz-page-header-text">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {description ? (
          <Typography.Text type="secondary" className="fz-page-header-desc">
            {description}
          </Typography.Text>
        ) : null}
      </div>
      {extra ? (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}
