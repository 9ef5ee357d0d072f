import { NotFoundState, usePortalPath } from '@skills/ui-kit';
import { Link } from 'react-router';

export function NotFoundPage() {
  const to = usePortalPath();
  return (
    <NotFoundState
      title="页面不存在"
      message="您访问的页面不存在。"
      extra={<Link to={to()}>返回职业目录</Link>}
    />
  );
}
