import { CATALOGUE_SOURCE_LABELS, graphqlErrorMessage, type CatalogueSource } from '@skills/graphql-client';
import { ErrorState, PageHeader, PageSection, LoadingPage } from '@skills/ui-kit';
import { Card, Col, Row, Statistic, Table } from 'antd';
import { useCatalogueStats } from '../api/catalogue-stats-query';
import { CategoryChart } from './category-chart';

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Asia/Shanghai',
});

/** 目录统计：职业、专项职业能力考核项目、专业的数量，按大类与来源分布 */
export function CatalogueStatisticsPage() {
  const { data, loading, error, refetch } = useCatalogueStats();
  if (loading && !data) return <LoadingPage title="职业目录统计" label="正在加载目录统计…" />;
  if (error && !data)
    return <ErrorState message={graphqlErrorMessage(error)} onRetry={() => void refetch()} />;
  const s = data!.catalogueStats;
  const cards = [
    { key: 'occupations', title: '职业（工种）', value: s.occupations },
    { key: 'skill', title: '其中技能类', value: s.skillTypeOccupations },
    { key: 'special', title: '专项职业能力考核项目', value: s.specialAbilityProjects },
    { key: 'majors', title: '对接专业', value: s.majors },
  ];
  return (
    <>
      <PageHeader
        title="职业目录统计"
        description={`目录数据最近更新：${s.lastImportAt ? dateTime.format(new Date(s.lastImportAt)) : '尚未导入'}；待核对编码的职业 ${s.unverifiedOccupations} 个。`}
      />
      <section aria-label="目录总量" style={{ marginBottom: 16 }}>
        <Row gutter={[16, 16]}>
          {cards.map((c) => (
            <Col key={c.key} xs={12} md={6}>
              <Card>
                <Statistic title={c.title} value={c.value} suffix="个" />
              </Card>
            </Col>
          ))}
        </Row>
      </section>
      <PageSection id="by-category" title="按大类分布">
        <CategoryChart byCategory={s.byCategory} />
        <Table
          rowKey="category"
          size="small"
          pagination={false}
          dataSource={s.byCategory}
          caption="各大类职业数量"
          columns={[
            { title: '大类', dataIndex: 'category', width: 80 },
            { title: '名称', dataIndex: 'name' },
            { title: '职业数', dataIndex: 'count', align: 'right', width: 120 },
          ]}
        />
      </PageSection>
      <PageSection id="by-source" title="按目录来源">
        <Table
          rowKey="source"
          size="small"
          pagination={false}
          dataSource={s.bySource}
          columns={[
            {
              title: '来源',
              dataIndex: 'source',
              render: (source: CatalogueSource) => CATALOGUE_SOURCE_LABELS[source],
            },
            { title: '条目数', dataIndex: 'count', align: 'right', width: 120 },
          ]}
        />
      </PageSection>
    </>
  );
}
