import {
  EDUCATION_LEVEL_LABELS,
  EDUCATION_LEVELS,
  graphqlErrorMessage,
  withPageCursor,
  type EducationLevel,
} from '@skills/graphql-client';
import { CursorPager, ErrorState, PageHeader, PageSection } from '@skills/ui-kit';
import { Button, Col, Input, Row, Select, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { MajorsQuery } from '../../../generated/graphql';
import { useMajors } from '../api/majors-query';
import { majorsQueryVariables, readMajorFilters, writeMajorFilters } from '../utils/major-filters';

type Major = MajorsQuery['majors']['edges'][number]['node'];
const fieldLabel = { display: 'block', marginBottom: 4, fontWeight: 500 } as const;

/** 专业对接：职业教育专业与可评价职业（工种）的对应关系 */
export function MajorMappingPage() {
  const [params, setParams] = useSearchParams();
  const filters = readMajorFilters(params);
  const [search, setSearch] = useState(filters.search);
  useEffect(() => setSearch(filters.search), [filters.search]);
  const { data, previousData, loading, error, refetch } = useMajors(majorsQueryVariables(params));
  const page = (data ?? previousData)?.majors;
  return (
    <>
      <PageHeader
        title="专业对接"
        description="按《职业教育专业目录》查看各专业对接的职业（工种），用于规划课证融通与职业技能等级认定。"
      />
      <PageSection id="major-search" title="检索条件">
        <form
          role="search"
          aria-label="专业检索"
          onSubmit={(e) => {
            e.preventDefault();
            setParams(writeMajorFilters({ ...filters, search }));
          }}
        >
          <Row gutter={[16, 12]} align="bottom">
            <Col xs={24} md={10}>
              <label htmlFor="major-search-input" style={fieldLabel}>
                专业名称或代码
              </label>
              <Input
                id="major-search-input"
                value={search}
                maxLength={50}
                allowClear
                placeholder="如 机电一体化 或 4603"
                onChange={(e) => setSearch(e.target.value)}
              />
            </Col>
            <Col xs={24} md={8}>
              <label htmlFor="major-level" style={fieldLabel}>
                层次
              </label>
              <Select
                id="major-level"
                style={{ width: '100%' }}
                allowClear
                placeholder="全部层次"
                value={filters.educationLevel}
                onChange={(educationLevel?: EducationLevel) =>
                  setParams(writeMajorFilters({ ...filters, educationLevel }))
                }
                options={EDUCATION_LEVELS.map((l) => ({ value: l, label: EDUCATION_LEVEL_LABELS[l] }))}
              />
            </Col>
            <Col xs={24} md={6}>
              <Button type="primary" htmlType="submit" block>
                搜索
              </Button>
            </Col>
          </Row>
        </form>
      </PageSection>
      <PageSection id="major-results" title="专业及对接职业">
        {error && !page ? (
          <ErrorState message={graphqlErrorMessage(error)} onRetry={() => void refetch()} />
        ) : (
          <>
            <Table<Major>
              rowKey="code"
              size="middle"
              loading={loading}
              pagination={false}
              dataSource={page?.edges.map((e) => e.node) ?? []}
              locale={{ emptyText: '没有符合条件的专业' }}
              columns={[
                { title: '专业代码', dataIndex: 'code', width: 110 },
                { title: '专业名称', dataIndex: 'name', width: 200 },
                {
                  title: '层次',
                  dataIndex: 'educationLevel',
                  width: 100,
                  render: (l: EducationLevel) => EDUCATION_LEVEL_LABELS[l],
                },
                {
                  title: '对接职业（工种）',
                  dataIndex: 'occupations',
                  render: (occupations: Major['occupations']) =>
                    occupations.length
                      ? occupations.map((o) => (
                          <Tag
                            key={o.code}
                            color={o.skillType ? 'blue' : 'default'}
                            style={{ marginBlock: 2 }}
                          >
                            {o.name}（{o.code}）
                          </Tag>
                        ))
                      : '暂无对接职业',
                },
              ]}
            />
            <CursorPager
              summary={page ? `共 ${page.totalCount} 个专业` : undefined}
              hasPrevious={!!page && (page.pageInfo.hasPreviousPage || params.has('after'))}
              hasNext={!!page && (page.pageInfo.hasNextPage || params.has('before'))}
              onPrevious={() =>
                page?.pageInfo.startCursor &&
                setParams(withPageCursor(params, { before: page.pageInfo.startCursor }))
              }
              onNext={() =>
                page?.pageInfo.endCursor &&
                setParams(withPageCursor(params, { after: page.pageInfo.endCursor }))
              }
            />
          </>
        )}
      </PageSection>
    </>
  );
}
