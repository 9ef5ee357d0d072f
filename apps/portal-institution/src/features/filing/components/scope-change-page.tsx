import type { AgencyKind, SchoolType } from '@skills/domain';
import { graphqlErrorMessage } from '@skills/graphql-client';
import { ErrorState, PageHeader, PageSection, usePortalPath, LoadingPage } from '@skills/ui-kit';
import { Alert, Button, Flex } from 'antd';
import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMyFilings } from '../api/my-filings-query';
import { useMyInstitution } from '../api/my-institution-query';
import { useRequestScopeChange } from '../api/request-scope-change-mutation';
import { newRequestKey, scopeInput, type ScopeDraftItem } from '../utils/scope';
import { CapPreview } from './cap-preview';
import { ScopePicker } from './scope-picker';

/** 申请增设：已备案机构增加职业或等级（备案期内无违规并达到评价数量，由服务端核验） */
export function ScopeChangePage() {
  const { agencyId } = useParams();
  const { data, loading, error, refetch } = useMyFilings();
  const agency = data?.filings.edges.map((e) => e.node.agency).find((a) => a.id === agencyId);
  const mine = useMyInstitution(agency?.institution.creditCode);
  const [items, setItems] = useState<ScopeDraftItem[]>([]);
  const [request, { loading: submitting }] = useRequestScopeChange();
  const [failure, setFailure] = useState<string | null>(null);
  const requestKey = useRef(newRequestKey());
  const navigate = useNavigate();
  const path = usePortalPath();

  if (loading && !data)
    return (
      <LoadingPage
        title="申请增设"
        breadcrumb={[{ title: '本校评价机构', path: '' }, { title: '申请增设' }]}
      />
    );
  if (error && !data)
    return <ErrorState message={graphqlErrorMessage(error)} onRetry={() => void refetch()} />;
  if (!agency) return <ErrorState title="未找到该机构" message="只能为本校已备案的评价机构申请增设。" />;

  async function submit() {
    setFailure(null);
    try {
      await request({
        variables: { agencyId: agency!.id, scope: scopeInput(items), requestKey: requestKey.current },
      });
      navigate(path('/'), { state: { notice: '增设申请已提交。' } });
    } catch (e) {
      setFailure(graphqlErrorMessage(e));
    } finally {
      requestKey.current = newRequestKey();
    }
  }

  return (
    <>
      <PageHeader
        title="申请增设"
        breadcrumb={[{ title: '本校评价机构', path: '' }, { title: '申请增设' }]}
        description={`${agency.name}（备案编号 ${agency.filingNumber ?? '—'}）增加职业（工种）或等级。`}
        extra={<Link to={path('/')}>返回本校评价机构</Link>}
      />
      <PageSection id="scope-change" title="增设范围">
        <Flex vertical gap={12}>
          <ScopePicker special={agency.kind === 'APPRAISAL_AGENCY'} value={items} onChange={setItems} />
          {mine.institution ? (
            <CapPreview
              request={{ agencyKind: agency.kind as AgencyKind, expansion: true }}
              schoolType={mine.institution.schoolType as SchoolType}
              schoolTypeName={mine.institution.schoolTypeName}
              items={items}
            />
          ) : null}
          {failure ? (
            <Alert type="error" showIcon role="alert" title="提交未成功" description={failure} />
          ) : null}
          <div>
            <Button
              type="primary"
              loading={submitting}
              disabled={items.length === 0 || items.some((i) => !i.special && i.levels.length === 0)}
              onClick={() => void submit()}
            >
              提交增设申请
            </Button>
          </div>
        </Flex>
      </PageSection>
    </>
  );
}
