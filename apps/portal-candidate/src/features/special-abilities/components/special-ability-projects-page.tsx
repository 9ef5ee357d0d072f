import { graphqlErrorMessage, pageVariables, readPageCursor, withPageCursor } from '@skills/graphql-client';
import { CursorPager, ErrorState, PageHeader, PageSection, ResponsiveTable } from '@skills/ui-kit';
import { Button, Col, Input, Row, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { SpecialAbilityProjectsQuery } from '../../../generated/graphql';
import { useSpecialAbilityProjects } from '../api/special-ability-projects-query';
import { regionLabel } from '../utils/region-label';

type Project = SpecialAbilityProjectsQuery['specialAbilityProjects']['edges'][number]['node'];
const PAGE_SIZE = 20;

/** 专项职业能力考核项目：考生可报考的项目，按名称、拼音或编码检索 */
export function SpecialAbilityProjectsPage() {
  const [params, setParams] = useSearchParams();
  const term = (params.get('q') ?? '').trim().slice(0, 50);
  const [search, setSearch] = useState(term);
  useEffect(() => setSearch(term), [term]);
  const { data, previousData, loading, error, refetch } = useSpecialAbilityProjects({
    search: term || null,
    ...pageVariables(readPageCursor(params), PAGE_SIZE),
  });
  const page = (data ?? previousData)?.specialAbilityProjects;
  return (
    <>
      <PageHeader
        title="专项职业能力考核项目"
        description="福建省专项职业能力考核项目目录中的项目。考核合格者由人力资源社会保障部门颁发专项职业能力证书。"
      />
      <PageSection id="project-search" title="检索项目">
        <form
          role="search"
          aria-label="考核项目检索"
          onSubmit={(e) => {
            e.preventDefault();
            setParams(search.trim() ? { q: search.trim() } : {});
          }}
        >
          <Row gutter={[16, 12]} align="bottom">
            <Col xs={24} md={16}>
              <label
                htmlFor="project-search-input"
                style={{ display: 'block', marginBottom: 4, fontWeight: 500 }}
              >
                项目名称、拼音或编码
              </label>
              <Input
                id="project-search-input"
                value={search}
                maxLength={50}
                allowClear
                placeholder="如 陶瓷、tc 或 FJZX"
                onChange={(e) => setSearch(e.target.value)}
              />
            </Col>
            <Col xs={24} md={8}>
              <Button type="primary" htmlType="submit" block>
                搜索
              </Button>
            </Col>
          </Row>
        </form>
      </PageSection>
      <PageSection id="project-results" title="可报考项目">
        {error && !page ? (
          <ErrorState message={graphqlErrorMessage(error)} onRetry={() => void refetch()} />
        ) : (
          <>
            <ResponsiveTable<Project>
              rowKey="code"
              size="middle"
              loading={loading}
              pagination={false}
              dataSource={page?.edges.map((e) => e.node) ?? []}
              emptyText="没有符合条件的考核项目"
              cardTitle={(p) => p.name}
              cardOmit={['name']}
              columns={[
                { title: '项目编码', dataIndex: 'code', width: 120 },
                { title: '项目名称', dataIndex: 'name', width: 180 },
                {
                  title: '行业',
                  dataIndex: 'industry',
                  width: 110,
                  render: (industry: string | null) => (industry ? <Tag>{industry}</Tag> : '—'),
                },
                { title: '主要适用地区', dataIndex: 'regionCode', width: 150, render: regionLabel },
                { title: '考核内容', dataIndex: 'description', render: (d: string | null) => d ?? '—' },
              ]}
            />
            <CursorPager
              summary={page ? `共 ${page.totalCount} 个项目` : undefined}
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
