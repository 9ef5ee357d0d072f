import type { SchoolType } from '@skills/domain';
import { Alert } from 'antd';
import { capDescription, capProblems, type ScopeDraftItem } from '../utils/scope';

/** 等级上限预览（本地规则，提交后以服务端校验为准） */
export function CapPreview({
  schoolType,
  schoolTypeName,
  items,
}: {
  schoolType: SchoolType;
  schoolTypeName: string;
  items: readonly ScopeDraftItem[];
}) {
  const problems = capProblems(schoolType, items);
  return (
    <Alert
      type={problems.length ? 'warning' : 'info'}
      showIcon
      title={`本校为${schoolTypeName}，在校学生可评价：${capDescription(schoolType)}（二级/技师及以上须通过增设申请）`}
      description={
        problems.length ? (
          <ul aria-label="超出上限的等级" style={{ margin: 0, paddingInlineStart: 20 }}>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : undefined
      }
      data-testid="cap-preview"
    />
  );
}
