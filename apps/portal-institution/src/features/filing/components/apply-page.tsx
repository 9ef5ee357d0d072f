import type { SchoolType } from '@skills/domain';
import { graphqlErrorMessage, useSession, type AgencyKind } from '@skills/graphql-client';
import { ErrorState, PageHeader, PageSection, usePortalPath, LoadingPage } from '@skills/ui-kit';
import { Alert, Button, Checkbox, Flex, Form, Input, Radio } from 'antd';
import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApplyForFiling } from '../api/apply-for-filing-mutation';
import { useMyInstitution } from '../api/my-institution-query';
import { newRequestKey, scopeInput, type ScopeDraftItem } from '../utils/scope';
import { CapPreview } from './cap-preview';
import { ScopePicker } from './scope-picker';

export const AGENCY_KIND_OPTIONS: { value: AgencyKind; label: string }[] = [
  { value: 'SKILL_LEVEL_AGENCY', label: '职业技能等级评价机构' },
  { value: 'APPRAISAL_AGENCY', label: '职业技能考核鉴定机构（专项职业能力）' },
  { value: 'THIRD_PARTY_ORGANISATION', label: '第三方社会培训评价组织' },
];

/** 申请备案：机构类型、名称、备案范围（职业 + 等级），提交前预览等级上限 */
export function ApplyPage() {
  const { account } = useSession();
  const org = account?.organisation ?? undefined;
  const creditCode = account?.roles.find((r) => r.role === 'COLLEGE_ADMIN')?.orgCode ?? org?.code;
  const { institution, loading, error, refetch } = useMyInstitution(creditCode);
  const [kind, setKind] = useState<AgencyKind>('SKILL_LEVEL_AGENCY');
  const [name, setName] = useState('');
  const [items, setItems] = useState<ScopeDraftItem[]>([]);
  // 学校履职（闽人社文〔2024〕53号 三）：专门机构、管理制度、不转包不委托承诺
  const [designatedUnit, setDesignatedUnit] = useState('');
  const [managementRules, setManagementRules] = useState('');
  const [noOutsourcing, setNoOutsourcing] = useState(false);
  const [apply, { loading: submitting }] = useApplyForFiling();
  const [failure, setFailure] = useState<string | null>(null);
  const requestKey = useRef(newRequestKey());
  const navigate = useNavigate();
  const path = usePortalPath();

  if (!creditCode)
    return <ErrorState title="无法申请备案" message="当前账号未关联院校，只有院校管理员可以申请备案。" />;
  if (loading && !institution)
    return (
      <LoadingPage
        title="申请备案"
        breadcrumb={[{ title: '本校评价机构', path: '' }, { title: '申请备案' }]}
        label="正在读取本校信息…"
      />
    );
  if (error && !institution)
    return <ErrorState message={graphqlErrorMessage(error)} onRetry={() => void refetch()} />;
  if (!institution) return <ErrorState title="未找到本校" message={`院校名录中没有信用代码 ${creditCode}`} />;

  const incomplete =
    items.length === 0 ||
    items.some((i) => !i.special && i.levels.length === 0) ||
    !designatedUnit.trim() ||
    !managementRules.trim() ||
    !noOutsourcing;

  async function submit() {
    setFailure(null);
    try {
      await apply({
        variables: {
          institutionCode: institution!.creditCode,
          kind,
          name: name.trim() || null,
          scope: scopeInput(items),
          duties: { designatedUnit, managementRules, noOutsourcing },
          requestKey: requestKey.current,
        },
      });
      navigate(path('/'), { state: { notice: '备案申请已提交，请等待县（区）人社部门审核。' } });
    } catch (e) {
      setFailure(graphqlErrorMessage(e));
    } finally {
      requestKey.current = newRequestKey(); // the next submission is a new request
    }
  }

  return (
    <>
      <PageHeader
        title="申请备案"
        breadcrumb={[{ title: '本校评价机构', path: '' }, { title: '申请备案' }]}
        description={`${institution.name}（${institution.schoolTypeName}）向属地人社部门申请备案评价机构。`}
        extra={<Link to={path('/')}>返回本校评价机构</Link>}
      />
      <PageSection id="apply-form" title="备案信息">
        <Form layout="vertical" onFinish={() => void submit()}>
          <Form.Item label="机构类型" required>
            <Radio.Group
              aria-label="机构类型"
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as AgencyKind);
                setItems([]);
              }}
              options={AGENCY_KIND_OPTIONS}
            />
          </Form.Item>
          <Form.Item label="机构名称（可不填，默认按院校名称生成）" htmlFor="agency-name">
            <Input id="agency-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={60} />
          </Form.Item>
          <Form.Item label="备案范围" required>
            <ScopePicker special={kind === 'APPRAISAL_AGENCY'} value={items} onChange={setItems} />
          </Form.Item>
          <Form.Item label="负责职业技能评价工作的专门机构" htmlFor="designated-unit" required>
            <Input
              id="designated-unit"
              value={designatedUnit}
              onChange={(e) => setDesignatedUnit(e.target.value)}
              maxLength={60}
              placeholder="如：职业技能等级评价中心办公室"
            />
          </Form.Item>
          <Form.Item
            label="管理制度（工作流程、台账、问题查处和责任追究）"
            htmlFor="management-rules"
            required
          >
            <Input.TextArea
              id="management-rules"
              value={managementRules}
              onChange={(e) => setManagementRules(e.target.value)}
              maxLength={2000}
              rows={3}
            />
          </Form.Item>
          <Form.Item>
            <Checkbox checked={noOutsourcing} onChange={(e) => setNoOutsourcing(e.target.checked)}>
              本校承诺不以“转包”“委托”等任何形式将评价机构交由社会第三方运营
            </Checkbox>
          </Form.Item>
          <Flex vertical gap={12}>
            <CapPreview
              request={{ agencyKind: kind, expansion: false }}
              schoolType={institution.schoolType as SchoolType}
              schoolTypeName={institution.schoolTypeName}
              items={items}
            />
            {failure ? (
              <Alert type="error" showIcon role="alert" title="提交未成功" description={failure} />
            ) : null}
            <div>
              <Button type="primary" htmlType="submit" loading={submitting} disabled={incomplete}>
                提交备案申请
              </Button>
            </div>
          </Flex>
        </Form>
      </PageSection>
    </>
  );
}
