import { graphqlErrorMessage } from '@skills/graphql-client';
import { ErrorState, PageHeader, PageSection, usePortalPath, LoadingPage } from '@skills/ui-kit';
import { Empty, Table } from 'antd';
import { Link, useParams } from 'react-router';
import { useAgencyAssessors } from '../api/agency-assessors-query';
import { conflictText, qualificationText } from '../utils/assessor';
import { AssessorForm } from './assessor-form';

/** 考评员：本校评价机构的考评员名单（身份证号、手机号脱敏）和登记 */
export function AssessorsPage() {
  const { agencyId = '' } = useParams();
  const { data, loading, error, refetch } = useAgencyAssessors(agencyId);
  const path = usePortalPath();
  const back = <Link to={path('/')}>返回本校评价机构</Link>;

  if (loading && !data)
    return (
      <LoadingPage
        title="考评员"
        breadcrumb={[{ title: '本校评价机构', path: '' }, { title: '考评员' }]}
        label="正在加载考评员…"
      />
    );
  if (error && !data)
    return <ErrorState message={graphqlErrorMessage(error)} onRetry={() => void refetch()} />;
  const agency = data?.agency;
  if (!agency || !agency.assessors)
    return <ErrorState title="未找到该机构" message="只能查看本校评价机构的考评员。" extra={back} />;

  return (
    <>
      <PageHeader
        title="考评员"
        breadcrumb={[{ title: '本校评价机构', path: '' }, { title: '考评员' }]}
        description={`${agency.name}（${agency.statusName}）的考评员。身份证号、手机号已脱敏显示；按身份证号登记，再次登记同一人即更新其资格和回避关系。`}
        extra={back}
      />
      <PageSection id="assessor-list" title="考评员名单">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          aria-label="考评员"
          dataSource={agency.assessors.edges.map((e) => e.node)}
          locale={{ emptyText: <Empty description="尚未登记考评员" /> }}
          columns={[
            { title: '姓名', dataIndex: 'name', width: 120 },
            { title: '身份证号', dataIndex: 'idNumber', width: 200 },
            { title: '手机号', render: (_: unknown, a) => a.phone ?? '—', width: 140 },
            {
              title: '考评资格',
              render: (_: unknown, a) =>
                a.qualifications.map((q) => (
                  <div key={`${q.occupationCode}-${q.level}`}>{qualificationText(q)}</div>
                )),
            },
            {
              title: '回避关系',
              render: (_: unknown, a) =>
                a.conflicts.length ? a.conflicts.map((c, i) => <div key={i}>{conflictText(c)}</div>) : '—',
            },
          ]}
        />
      </PageSection>
      <PageSection id="assessor-register" title="登记考评员">
        <AssessorForm agencyId={agency.id} />
      </PageSection>
    </>
  );
}
