import { graphqlErrorMessage } from '@skills/graphql-client';
import { ErrorState, formatDateTime, LoadingPage, PageHeader, PageSection } from '@skills/ui-kit';
import { Alert, Button, Descriptions, Flex, Form, Input, InputNumber } from 'antd';
import { useState } from 'react';
import { useBureauAccount } from '../../../components/bureau-account';
import { useExpansionPolicy, useSetExpansionPolicy } from '../api/expansion-policy-query';

/**
 * 增设评价数量：评价机构本备案期内评价人次达到本市设定的数量，方可申请增设（「达到一定评价数量」，ADR 0012）。
 * 市人社局设定并留痕；未设定时增设暂不受理。
 */
export function ExpansionPolicyPage() {
  const bureau = useBureauAccount();
  const { data, loading, error, refetch } = useExpansionPolicy(bureau.cityCode);
  const [setPolicy, setState] = useSetExpansionPolicy();
  const [count, setCount] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  if (!bureau.cityCode)
    return <ErrorState title="无本市数据" message="增设评价数量由各设区市（含平潭综合实验区）人社局设定。" />;
  if (loading && !data) return <LoadingPage title="增设评价数量" label="正在读取本市设定…" />;
  if (error && !data)
    return <ErrorState message={graphqlErrorMessage(error)} onRetry={() => void refetch()} />;
  const policy = data?.expansionPolicy ?? null;

  async function submit() {
    if (count === null || !bureau.cityCode) return;
    setFailure(null);
    setSaved(false);
    try {
      await setPolicy({
        variables: { cityCode: bureau.cityCode, minEvaluations: count, reason: reason.trim() },
      });
      setSaved(true);
    } catch (e) {
      setFailure(graphqlErrorMessage(e));
    }
  }

  return (
    <>
      <PageHeader
        title="增设评价数量"
        description="评价机构在本备案期内评价人次达到该数量，且管理规范、无违规记录，方可申请增设职业（工种）或等级。"
      />
      <PageSection id="expansion-policy-current" title="本市现行设定">
        {policy ? (
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'n', label: '最低评价人次', children: `${policy.minEvaluations} 人次` },
              { key: 'at', label: '设定时间', children: formatDateTime(policy.setAt) },
              { key: 'why', label: '设定理由', children: policy.reason ?? '—' },
            ]}
          />
        ) : (
          <Alert type="warning" showIcon title="本市尚未设定增设所需的评价数量，增设申请暂不受理。" />
        )}
      </PageSection>
      {bureau.isCityHr ? (
        <PageSection id="expansion-policy-set" title="设定">
          <Form layout="vertical" onFinish={() => void submit()} style={{ maxWidth: 480 }}>
            <Form.Item label="最低评价人次" htmlFor="min-evaluations" required>
              <InputNumber
                id="min-evaluations"
                min={1}
                precision={0}
                value={count}
                onChange={(v) => setCount(typeof v === 'number' ? v : null)}
              />
            </Form.Item>
            <Form.Item label="设定理由" htmlFor="policy-reason" required>
              <Input.TextArea
                id="policy-reason"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                maxLength={500}
                rows={2}
              />
            </Form.Item>
            <Flex vertical gap={12}>
              {failure ? (
                <Alert type="error" showIcon role="alert" title="设定未成功" description={failure} />
              ) : null}
              {saved ? <Alert type="success" showIcon role="status" title="已设定" /> : null}
              <div>
                <Button
                  type="primary"
                  htmlType="submit"
                  loading={setState.loading}
                  disabled={count === null || !reason.trim()}
                >
                  保存设定
                </Button>
              </div>
            </Flex>
          </Form>
        </PageSection>
      ) : null}
    </>
  );
}
