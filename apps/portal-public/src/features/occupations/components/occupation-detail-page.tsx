import {
  CATALOGUE_SOURCE_LABELS,
  EDUCATION_LEVEL_LABELS,
  graphqlErrorCode,
  graphqlErrorMessage,
} from '@skills/graphql-client';
import {
  ErrorState,
  LoadingState,
  NotFoundState,
  PageHeader,
  PageSection,
  ResponsiveTable,
  skillLevelText,
  usePortalPath,
} from '@skills/ui-kit';
import { Descriptions, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useOccupationAgencies } from '../api/occupation-agencies-query';
import { useOccupation } from '../api/occupation-query';

/** 职业详情：等级、国家职业技能标准、目录来源、对接专业 */
export function OccupationDetailPage() {
  const { code = '' } = useParams();
  const { data, loading, error, refetch } = useOccupation(code);
  const to = usePortalPath();
  const agencies = useOccupationAgencies(code);
  const back = <Link to={to()}>返回职业目录</Link>;
  const o = data?.occupation;
  // the frame and a heading from the URL at once; the details fill in when they arrive
  const header = (
    <PageHeader
      title={o ? `${o.name}（${o.code}）` : `职业 ${code}`}
      description={o ? `${o.category} ${o.categoryName}` : undefined}
      breadcrumb={[{ title: '职业（工种）目录', path: '' }, { title: o?.name ?? code }]}
      extra={back}
    />
  );
  if (loading && !data)
    return (
      <>
        {header}
        <LoadingState label="正在加载职业详情…" />
      </>
    );
  if (error) {
    const code = graphqlErrorCode(error);
    if (code === 'OCCUPATION_NOT_FOUND' || code === 'INVALID_OCCUPATION_CODE' || code === 'BAD_USER_INPUT') {
      return <NotFoundState title="未找到该职业" message={graphqlErrorMessage(error)} extra={back} />;
    }
    return <ErrorState message={graphqlErrorMessage(error)} onRetry={() => void refetch()} extra={back} />;
  }
  if (!o) return <NotFoundState title="未找到该职业" message={`没有编码为 ${code} 的职业`} extra={back} />;
  return (
    <>
      {header}
      <PageSection id="occupation-basics" title="基本信息">
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'code', label: '职业编码', children: o.code },
            { key: 'name', label: '职业名称', children: o.name },
            { key: 'category', label: '大类', children: `${o.category} ${o.categoryName}` },
            {
              key: 'skillType',
              label: '职业类型',
              children: o.skillType ? '技能类（可备案开展职业技能等级认定）' : '非技能类',
            },
            { key: 'verified', label: '编码核对', children: o.verified ? '已与公开来源核对' : '待核对' },
            { key: 'version', label: '目录版本', children: o.version },
          ]}
        />
      </PageSection>
      <PageSection id="occupation-levels" title="技能等级">
        {o.levels.length ? (
          <ul
            aria-label="该职业设置的技能等级"
            style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexWrap: 'wrap', gap: 8 }}
          >
            {o.levels.map((l) => (
              <li key={l}>
                <Tag color="blue">{skillLevelText(l)}</Tag>
              </li>
            ))}
          </ul>
        ) : (
          <Typography.Text>国家职业标准未设置等级</Typography.Text>
        )}
      </PageSection>
      <PageSection id="occupation-standard" title="标准与来源">
        <Descriptions
          column={1}
          items={[
            { key: 'standard', label: '国家职业技能标准', children: o.standard ?? '暂无' },
            {
              key: 'sources',
              label: '目录来源',
              children: o.sources.map((s) => CATALOGUE_SOURCE_LABELS[s]).join('、'),
            },
          ]}
        />
      </PageSection>
      <PageSection id="occupation-agencies" title="可评价该职业的评价机构">
        <OccupationAgencies code={o.code} result={agencies} directory={to(`agencies?occupation=${o.code}`)} />
      </PageSection>
      <PageSection id="occupation-majors" title={`对接专业（${o.majors.length}）`}>
        <ResponsiveTable
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={o.majors}
          emptyText="暂无对接专业"
          cardTitle={(m) => m.name}
          cardOmit={['name']}
          columns={[
            { title: '专业代码', dataIndex: 'code', width: 120 },
            { title: '专业名称', dataIndex: 'name' },
            {
              title: '层次',
              dataIndex: 'educationLevel',
              render: (level: keyof typeof EDUCATION_LEVEL_LABELS) => EDUCATION_LEVEL_LABELS[level],
            },
          ]}
        />
      </PageSection>
    </>
  );
}

/** 已备案且范围含该职业的机构及其可评价等级；完整名单在评价机构名录中按该职业检索 */
function OccupationAgencies({
  code,
  result,
  directory,
}: {
  code: string;
  result: ReturnType<typeof useOccupationAgencies>;
  directory: string;
}) {
  const page = result.data?.publicAgencies;
  if (result.error && !page) return <Typography.Text>评价机构信息暂时无法加载，请稍后重试。</Typography.Text>;
  if (!page) return <LoadingState label="正在查找评价机构…" />;
  if (page.totalCount === 0) return <Typography.Text>目前没有已备案可评价该职业的评价机构。</Typography.Text>;
  return (
    <>
      <ul aria-label="可评价该职业的评价机构" style={{ margin: 0, paddingInlineStart: 18 }}>
        {page.edges.map(({ node: a }) => {
          const levels = a.scope.find((s) => s.occupationCode === code)?.levels ?? [];
          return (
            <li key={a.id}>
              {a.name}（{a.institution.name}，{a.kindName}）
              {levels.length ? `：${levels.map(skillLevelText).join('、')}` : null}
            </li>
          );
        })}
      </ul>
      <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
        <Link to={directory}>在评价机构名录中查看全部 {page.totalCount} 家及其联系方式</Link>
      </Typography.Paragraph>
    </>
  );
}
