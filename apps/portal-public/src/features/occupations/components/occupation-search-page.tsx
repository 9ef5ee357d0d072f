import { CATALOGUE_SOURCE_LABELS, graphqlErrorMessage } from '@skills/graphql-client';
import {
  CursorPager,
  ErrorState,
  PageHeader,
  PageSection,
  ResponsiveTable,
  skillLevelText,
  usePortalPath,
} from '@skills/ui-kit';
import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useSearchParams } from 'react-router';
import type { OccupationsQuery } from '../../../generated/graphql';
import { useOccupations } from '../api/occupations-query';
import {
  readSearchParams,
  toQueryVariables,
  writeSearchParams,
  type OccupationFilters as Filters,
} from '../utils/search-params';
import { OccupationFilters } from './occupation-filters';

type Row = OccupationsQuery['occupations']['edges'][number]['node'];

/** 职业目录：检索、筛选、分页 */
export function OccupationSearchPage() {
  const [params, setParams] = useSearchParams();
  const { filters, cursor } = readSearchParams(params);
  const { data, previousData, loading, error, refetch } = useOccupations(toQueryVariables(filters, cursor));
  const shown = data ?? previousData;
  const to = usePortalPath();
  const columns: ColumnsType<Row> = [
    { title: '职业编码', dataIndex: 'code', width: 130 },
    {
      title: '职业名称',
      dataIndex: 'name',
      render: (name: string, row) => <Link to={to(`occupations/${row.code}`)}>{name}</Link>,
    },
    { title: '大类', dataIndex: 'categoryName', responsive: ['md'] },
    {
      title: '等级',
      dataIndex: 'levels',
      render: (levels: string[]) =>
        levels.length ? levels.map((l) => <Tag key={l}>{skillLevelText(l).split('/')[0]}</Tag>) : '—',
    },
    {
      title: '类型',
      dataIndex: 'skillType',
      width: 90,
      render: (skillType: boolean) => (skillType ? <Tag color="blue">技能类</Tag> : <Tag>非技能类</Tag>),
    },
    {
      title: '来源',
      dataIndex: 'sources',
      responsive: ['lg'],
      render: (sources: Row['sources']) => sources.map((s) => CATALOGUE_SOURCE_LABELS[s]).join('、'),
    },
  ];
  const search = (next: Filters) => setParams(writeSearchParams(next));
  const page = shown?.occupations;
  return (
    <>
      <PageHeader
        title="职业（工种）目录"
        description="查询《中华人民共和国职业分类大典（2022年版）》及可备案职业（工种），了解各职业的技能等级、国家职业技能标准与对接专业。"
      />
      <PageSection id="occupation-search" title="检索条件">
        <OccupationFilters value={filters} onChange={search} />
      </PageSection>
      <PageSection id="occupation-results" title="检索结果">
        {error && !shown ? (
          <ErrorState message={graphqlErrorMessage(error)} onRetry={() => void refetch()} />
        ) : (
          <>
            <ResponsiveTable<Row>
              rowKey="code"
              size="middle"
              loading={loading}
              columns={columns}
              dataSource={page?.edges.map((e) => e.node) ?? []}
              pagination={false}
              emptyText="没有符合条件的职业，请换个关键词或减少筛选条件"
              cardTitle={(row) => <Link to={to(`occupations/${row.code}`)}>{row.name}</Link>}
              cardOmit={['name']}
            />
            <CursorPager
              summary={page ? `共 ${page.totalCount} 个职业` : undefined}
              hasPrevious={!!page && (page.pageInfo.hasPreviousPage || !!cursor.after)}
              hasNext={!!page && (page.pageInfo.hasNextPage || !!cursor.before)}
              onPrevious={() =>
                page?.pageInfo.startCursor &&
                setParams(writeSearchParams(filters, { before: page.pageInfo.startCursor }))
              }
              onNext={() =>
                page?.pageInfo.endCursor &&
                setParams(writeSearchParams(filters, { after: page.pageInfo.endCursor }))
              }
            />
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              每页 20 条，按职业编码排序。
            </Typography.Paragraph>
          </>
        )}
      </PageSection>
    </>
  );
}
