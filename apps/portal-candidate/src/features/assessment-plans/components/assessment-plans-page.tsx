import {
  graphqlErrorMessage,
  hasAnyRole,
  pageVariables,
  readPageCursor,
  useSession,
  withPageCursor,
} from '@skills/graphql-client';
import {
  CursorPager,
  ErrorState,
  formatDate,
  PageHeader,
  PageSection,
  ResponsiveTable,
  skillLevelText,
} from '@skills/ui-kit';
import { Alert, Button, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { MyRegistrationsQuery, OpenAssessmentPlansQuery } from '../../../generated/graphql';
import { useMyRegistrations } from '../api/my-registrations-query';
import { useOpenAssessmentPlans } from '../api/open-assessment-plans-query';
import { useRegisterForPlan } from '../api/register-for-plan-mutation';

type Plan = OpenAssessmentPlansQuery['openAssessmentPlans']['edges'][number]['node'];
type Registration = MyRegistrationsQuery['myRegistrations'][number];
const PAGE_SIZE = 20;

/** 评价计划报名：正在报名的计划、本人报名（不符合条件时说明所依据的条件）、本人的报名与结果 */
export function AssessmentPlansPage() {
  const [params, setParams] = useSearchParams();
  const session = useSession();
  const isCandidate = hasAnyRole(session, ['CANDIDATE']);
  const { data, previousData, loading, error, refetch } = useOpenAssessmentPlans(
    pageVariables(readPageCursor(params), PAGE_SIZE),
  );
  const page = (data ?? previousData)?.openAssessmentPlans;
  const mine = useMyRegistrations(!isCandidate);
  const [register, registering] = useRegisterForPlan();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const registered = new Set(mine.data?.myRegistrations.map((r) => r.plan.id) ?? []);

  const onRegister = async (plan: Plan) => {
    setOutcome(null);
    try {
      await register({ variables: { planId: plan.id } });
      setOutcome({ ok: true, text: `已报名：${plan.title}` });
    } catch (e) {
      setOutcome({ ok: false, text: `未能报名“${plan.title}”：${graphqlErrorMessage(e)}` });
    }
  };

  return (
    <>
      <PageHeader
        title="评价计划报名"
        description="已备案评价机构正在报名的职业技能等级认定与专项职业能力考核计划。报名时按报名条件审核，不符合条件的会说明所依据的条件。"
      />
      {outcome && (
        <Alert
          role={outcome.ok ? 'status' : 'alert'}
          type={outcome.ok ? 'success' : 'error'}
          showIcon
          message={outcome.text}
          style={{ marginBottom: 16 }}
        />
      )}
      <PageSection id="open-plans" title="正在报名的评价计划">
        {error && !page ? (
          <ErrorState message={graphqlErrorMessage(error)} onRetry={() => void refetch()} />
        ) : (
          <>
            <ResponsiveTable<Plan>
              rowKey="id"
              size="middle"
              loading={loading}
              pagination={false}
              dataSource={page?.edges.map((e) => e.node) ?? []}
              emptyText="目前没有正在报名的评价计划"
              cardTitle={(p) => p.title}
              cardOmit={['title']}
              columns={[
                { title: '计划', dataIndex: 'title' },
                { title: '评价机构', dataIndex: 'agencyName', width: 200 },
                {
                  title: '职业（工种）/ 等级',
                  key: 'target',
                  width: 190,
                  render: (_: unknown, p: Plan) => (
                    <>
                      {p.occupationCode} <Tag>{p.level ? skillLevelText(p.level) : p.kindName}</Tag>
                    </>
                  ),
                },
                {
                  title: '考核日期',
                  dataIndex: 'assessmentDate',
                  width: 120,
                  render: (d: string) => formatDate(d),
                },
                {
                  title: '报名截止',
                  dataIndex: 'registrationClosesAt',
                  width: 120,
                  render: (d: string) => formatDate(d),
                },
                {
                  title: '名额',
                  key: 'places',
                  width: 100,
                  render: (_: unknown, p: Plan) => `${p.registeredCount} / ${p.capacity}`,
                },
                {
                  title: '操作',
                  key: 'action',
                  width: 110,
                  render: (_: unknown, p: Plan) =>
                    registered.has(p.id) ? (
                      <Tag color="green">已报名</Tag>
                    ) : isCandidate ? (
                      <Button
                        type="primary"
                        loading={registering.loading}
                        onClick={() => void onRegister(p)}
                        aria-label={`报名 ${p.title}`}
                      >
                        报名
                      </Button>
                    ) : (
                      '登录后报名'
                    ),
                },
              ]}
            />
            <CursorPager
              summary={page ? `共 ${page.totalCount} 个计划` : undefined}
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
      {isCandidate && (
        <PageSection id="my-registrations" title="我的报名与结果">
          {mine.error ? (
            <ErrorState message={graphqlErrorMessage(mine.error)} onRetry={() => void mine.refetch()} />
          ) : (
            <ResponsiveTable<Registration>
              rowKey="id"
              size="middle"
              loading={mine.loading}
              pagination={false}
              dataSource={mine.data?.myRegistrations ?? []}
              emptyText="还没有报名记录"
              cardTitle={(r) => r.plan.title}
              columns={[
                { title: '计划', key: 'plan', render: (_: unknown, r: Registration) => r.plan.title },
                {
                  title: '计划状态',
                  key: 'status',
                  width: 120,
                  render: (_: unknown, r: Registration) => r.plan.statusName,
                },
                {
                  title: '成绩（理论 / 实操）',
                  key: 'score',
                  width: 180,
                  render: (_: unknown, r: Registration) =>
                    r.score
                      ? `${r.score.theory ?? r.score.theoryMarkName} / ${r.score.practical ?? r.score.practicalMarkName}`
                      : '—',
                },
                {
                  title: '结果',
                  key: 'result',
                  width: 110,
                  render: (_: unknown, r: Registration) =>
                    r.result ? (
                      <Tag color={r.result.passed ? 'green' : 'default'}>
                        {r.result.passed ? '合格' : '不合格'}
                      </Tag>
                    ) : (
                      '待确认'
                    ),
                },
              ]}
            />
          )}
        </PageSection>
      )}
    </>
  );
}
