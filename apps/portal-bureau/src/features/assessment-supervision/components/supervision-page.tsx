import { graphqlErrorMessage } from '@skills/graphql-client';
import {
  EmptyText,
  ErrorState,
  formatDate,
  formatDateTime,
  LoadingPage,
  PageHeader,
  PageSection,
  skillLevelText,
} from '@skills/ui-kit';
import { Alert, Button, DatePicker, Flex, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { regionLabel, useBureauAccount } from '../../../components/bureau-account';
import { useInspections, useRecordInspection, useSupervisedPlans } from '../api/supervision-query';
import {
  DELIVERY_TAGS,
  INSPECTION_VIOLATION_LABELS,
  inspectionVariables,
  mayFindViolations,
  passRateText,
  SEVERITY_LABELS,
  type InspectionForm,
} from '../utils/supervision';

const STATUS_FILTERS = [
  { value: '', label: '全部状态' },
  { value: 'OPEN', label: '报名中' },
  { value: 'CLOSED', label: '报名截止' },
  { value: 'PUBLISHED', label: '成绩公示中' },
  { value: 'FINALIZED', label: '结果已确认' },
];

interface Target {
  id: string;
  label: string;
  /** one key per opened form: a double submit or a retry records the inspection once */
  requestKey: string;
}

/** 评价监管：本地区评价计划的报名与合格率、异议，督导检查及违规移送 */
export function SupervisionPage() {
  const bureau = useBureauAccount();
  const [status, setStatus] = useState('');
  const plans = useSupervisedPlans(status || null);
  const inspections = useInspections();
  const [record, recordState] = useRecordInspection();
  const [target, setTarget] = useState<Target | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [form] = Form.useForm<InspectionForm>();
  const findsViolations = mayFindViolations(bureau.roles);
  const operator = Form.useWatch('actualOperator', form);
  const violation = Form.useWatch('violationType', form);

  if (plans.loading && !plans.data) return <LoadingPage title="评价监管" label="正在加载评价计划…" />;
  if (plans.error && !plans.data)
    return <ErrorState message={graphqlErrorMessage(plans.error)} onRetry={() => void plans.refetch()} />;
  const rows = plans.data?.assessmentPlans.edges.map((e) => e.node) ?? [];
  const checks = inspections.data?.inspections.edges.map((e) => e.node) ?? [];
  const violationFound = !!operator?.trim() || (!!violation && violation !== 'NONE');

  async function submit(v: InspectionForm) {
    if (!target) return;
    setFailure(null);
    try {
      const r = await record({ variables: inspectionVariables(target.id, v, target.requestKey) });
      const i = r.data?.recordInspection;
      setDone(
        i?.violationType
          ? `已记录督导检查，认定违规：${INSPECTION_VIOLATION_LABELS[i.violationType]}（${DELIVERY_TAGS[i.violationStatus].label}）`
          : '已记录督导检查',
      );
      setTarget(null);
      form.resetFields();
    } catch (e) {
      setFailure(graphqlErrorMessage(e));
    }
  }

  return (
    <>
      <PageHeader
        title="评价监管"
        description="本地区评价机构的评价计划：报名、成绩公示与异议、合格率；现场督导检查的发现记入检查记录，发现转包、外包或违规组织评价的认定违规，记入该机构的违规记录。"
      />
      {done ? <Alert type="success" showIcon title={done} closable onClose={() => setDone(null)} /> : null}
      <PageSection
        id="plans"
        title={`本地区评价计划（${plans.data?.assessmentPlans.totalCount ?? 0} 个）`}
        extra={
          <Select
            aria-label="按状态筛选"
            value={status}
            onChange={setStatus}
            options={STATUS_FILTERS}
            style={{ minWidth: 140 }}
          />
        }
      >
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 1100 }}
          aria-label="本地区评价计划"
          locale={{ emptyText: <EmptyText>{'暂无评价计划'}</EmptyText> }}
          dataSource={rows}
          columns={[
            { title: '计划编号', dataIndex: 'number', width: 150 },
            {
              title: '评价机构',
              render: (_: unknown, p) => (
                <>
                  {p.agencyName}
                  <div style={{ color: '#595959' }}>{regionLabel(bureau, p.regionCode)}</div>
                </>
              ),
            },
            {
              title: '职业（工种）/ 等级',
              render: (_: unknown, p) =>
                `${p.occupation?.name ?? p.occupationCode} · ${p.level ? skillLevelText(p.level) : p.kindName}`,
            },
            { title: '考核日期', render: (_: unknown, p) => formatDate(p.assessmentDate), width: 110 },
            { title: '状态', render: (_: unknown, p) => <Tag>{p.statusName}</Tag>, width: 110 },
            { title: '报名', render: (_: unknown, p) => `${p.registeredCount}/${p.capacity}`, width: 80 },
            { title: '合格率', render: (_: unknown, p) => passRateText(p.resultSummary), width: 130 },
            {
              title: '待处理异议',
              width: 100,
              render: (_: unknown, p) =>
                p.resultSummary?.openObjections ? (
                  <Tag color="orange">{p.resultSummary.openObjections}</Tag>
                ) : (
                  '—'
                ),
            },
            {
              title: '督导检查',
              width: 100,
              render: (_: unknown, p) => {
                const found = (p.inspections ?? []).filter((i) => i.violationType).length;
                const all = p.inspections?.length ?? 0;
                return all ? `${all} 次${found ? `，违规 ${found}` : ''}` : '—';
              },
            },
            {
              title: '操作',
              width: 120,
              fixed: 'right' as const,
              render: (_: unknown, p) => (
                <Button
                  size="small"
                  onClick={() => {
                    form.resetFields();
                    setFailure(null);
                    setTarget({ id: p.id, label: `${p.number} ${p.title}`, requestKey: crypto.randomUUID() });
                  }}
                >
                  记录督导检查
                </Button>
              ),
            },
          ]}
        />
      </PageSection>
      <PageSection
        id="inspections"
        title={`督导检查记录（${inspections.data?.inspections.totalCount ?? 0} 条）`}
      >
        {inspections.error && !inspections.data ? (
          <Alert
            type="error"
            showIcon
            title="检查记录加载失败"
            description={graphqlErrorMessage(inspections.error)}
          />
        ) : (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            aria-label="督导检查记录"
            locale={{ emptyText: <EmptyText>{'暂无督导检查记录'}</EmptyText> }}
            dataSource={checks}
            columns={[
              { title: '检查时间', render: (_: unknown, i) => formatDateTime(i.recordedAt), width: 150 },
              { title: '评价计划', render: (_: unknown, i) => `${i.plan.number} ${i.plan.agencyName}` },
              {
                title: '检查发现',
                render: (_: unknown, i) => (
                  <>
                    {i.findings}
                    {i.actualOperator ? <div>实际组织实施单位：{i.actualOperator}</div> : null}
                  </>
                ),
              },
              {
                title: '违规认定',
                width: 240,
                render: (_: unknown, i) =>
                  i.violationType ? (
                    <>
                      {INSPECTION_VIOLATION_LABELS[i.violationType]}
                      {i.severity ? `（${SEVERITY_LABELS[i.severity]}）` : ''}
                      {i.deadline ? <div>整改期限 {formatDate(i.deadline)}</div> : null}
                    </>
                  ) : (
                    '—'
                  ),
              },
              {
                title: '违规记录',
                width: 140,
                render: (_: unknown, i) => (
                  <Tag color={DELIVERY_TAGS[i.violationStatus].colour}>
                    {DELIVERY_TAGS[i.violationStatus].label}
                  </Tag>
                ),
              },
            ]}
          />
        )}
      </PageSection>
      <Modal
        open={target !== null}
        title={target ? `记录督导检查：${target.label}` : ''}
        okText="记录"
        cancelText="取消"
        confirmLoading={recordState.loading}
        onOk={() => form.submit()}
        onCancel={() => setTarget(null)}
        width={640}
      >
        <Form<InspectionForm>
          form={form}
          layout="vertical"
          initialValues={{ violationType: 'NONE', severity: 'SERIOUS' }}
          onFinish={(v) => void submit(v)}
        >
          <Form.Item
            label="检查发现"
            name="findings"
            rules={[{ required: true, whitespace: true, min: 5, message: '请填写检查发现（不少于 5 个字）' }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          {findsViolations ? (
            <>
              <Form.Item
                label="实际组织实施单位"
                name="actualOperator"
                extra="由评价机构以外的单位实际组织实施的（转包、外包），填写其名称，即认定违规"
              >
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item label="认定违规" name="violationType">
                <Select
                  disabled={!!operator?.trim()}
                  options={[
                    { value: 'NONE', label: '不认定违规（仅记录检查发现）' },
                    ...Object.entries(INSPECTION_VIOLATION_LABELS).map(([value, label]) => ({
                      value,
                      label,
                    })),
                  ]}
                />
              </Form.Item>
              {violationFound ? (
                <Flex gap={12} wrap>
                  <Form.Item
                    label="违规程度"
                    name="severity"
                    rules={[{ required: true, message: '请选择违规程度' }]}
                  >
                    <Select
                      style={{ minWidth: 120 }}
                      options={Object.entries(SEVERITY_LABELS).map(([value, label]) => ({ value, label }))}
                    />
                  </Form.Item>
                  <Form.Item
                    label="整改期限"
                    name="deadline"
                    rules={[{ required: true, message: '请选择整改期限' }]}
                  >
                    <DatePicker placeholder="选择日期" />
                  </Form.Item>
                </Flex>
              ) : null}
            </>
          ) : (
            <Alert type="info" showIcon title="教育部门记录检查发现；违规由人社部门或质量督导员认定。" />
          )}
          {failure ? (
            <Alert type="error" showIcon role="alert" title="记录未成功" description={failure} />
          ) : null}
        </Form>
      </Modal>
    </>
  );
}
