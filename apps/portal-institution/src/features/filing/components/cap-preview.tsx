import type { SchoolType } from '@skills/domain';
import { Alert } from 'antd';
import { capProblems, scopeSummary, type ScopeDraftItem, type ScopeRequestKind } from '../utils/scope';

/**
 * 等级范围预览（与服务端同一条规则，提交后以服务端校验为准）：本校在校生可评的等级（院校类型上限），以及经增设
 * 可面向社会考生评价的等级（ADR 0012）。
 */
export function CapPreview({
  schoolType,
  schoolTypeName,
  items,
  request,
}: {
  schoolType: SchoolType;
  schoolTypeName: string;
  items: readonly ScopeDraftItem[];
  request: ScopeRequestKind;
}) {
  const problems = capProblems(schoolType, items, request);
  const summary = scopeSummary(schoolType, request);
  const title =
    request.agencyKind === 'APPRAISAL_AGENCY'
      ? `本校为${schoolTypeName}，考核鉴定机构备案专项职业能力考核项目（不分等级）`
      : request.expansion
        ? `增设可申请：${summary.requestable}（增加的等级面向社会考生；本校在校生仍只可评：${summary.students}）`
        : `本校为${schoolTypeName}，本校在校生可评：${summary.students}；经增设可面向社会评价：${summary.byExpansion}`;
  return (
    <Alert
      type={problems.length ? 'warning' : 'info'}
      showIcon
      title={title}
      description={
        problems.length ? (
          <ul aria-label="不能申请的等级" style={{ margin: 0, paddingInlineStart: 20 }}>
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
