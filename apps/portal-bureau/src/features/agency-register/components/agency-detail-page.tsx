import {
  AGENCY_STATUS_COLOURS,
  graphqlErrorMessage,
  type AgencyStatus,
  type AgencyStatusChange,
  type ViolationConsequence,
  type ViolationSeverity,
  type ViolationType,
} from '@skills/graphql-client';
import {
  EventTimeline,
  formatDate,
  ErrorState,
  NotFoundState,
  PageHeader,
  PageSection,
  skillLevelText,
  usePortalPath,
  EmptyText,
  LoadingPage,
  DownloadButton,
} from '@skills/ui-kit';
import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useBureauAccount } from '../../../components/bureau-account';
import { useAgencyDetail } from '../api/agency-detail-query';
import { useChangeAgencyStatus } from '../api/change-agency-status-mutation';
import { fetchFilingCertificate } from '../api/filing-certificate-query';
import { useCloseViolation } from '../api/close-violation-mutation';
import { useRecordViolation } from '../api/record-violation-mutation';

export const VIOLATION_TYPE_LABELS = {
  OUTSOURCING: '转包、委托第三方组织评价',
  RECORDS: '工作台账、管理数据库不健全',
  ASSESSMENT_IRREGULARITY: '考核评价不规范',
  CERTIFICATE_IRREGULARITY: '证书发放不规范',
  OTHER: '其他',
} satisfies Record<ViolationType, string>;
export const VIOLATION_SEVERITY_LABELS = {
  MINOR: '一般',
  SERIOUS: '较重',
  GRAVE: '严重',
} satisfies Record<ViolationSeverity, string>;
/** 处理结果 (NONE = 限期整改, no change of status). */
const CONSEQUENCE_LABELS = {
  NONE: '限期整改',
  SUSPENSION: '暂停',
  CANCELLATION: '注销',
} satisfies Record<ViolationConsequence, string>;
const consequenceText = (c: ViolationConsequence) => CONSEQUENCE_LABELS[c];

const STATUS_ACTIONS: {
  status: AgencyStatusChange;
  label: string;
  when: AgencyStatus[];
  danger?: boolean;
}[] = [
  { status: 'SUSPENDED', label: '暂停', when: ['FILED'], danger: true },
  { status: 'FILED', label: '恢复', when: ['SUSPENDED'] },
  { status: 'CANCELLED', label: '注销', when: ['FILED', 'SUSPENDED'], danger: true },
];

interface ViolationForm {
  type: ViolationType;
  severity: ViolationSeverity;
  description: string;
  deadline: { toISOString(): string };
}

/** 机构详情与监督检查：范围、办理记录、违规记录；记录/关闭违规，暂停、注销、恢复机构 */
export function AgencyDetailPage() {
  const { agencyId = '' } = useParams();
  const path = usePortalPath();
  const bureau = useBureauAccount();
  const { data, loading, error, refetch } = useAgencyDetail(agencyId);
  const [record, recordState] = useRecordViolation();
  const [closeViolation, closeState] = useCloseViolation();
  const [changeStatus, statusState] = useChangeAgencyStatus();
  const [form] = Form.useForm<ViolationForm>();
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState<
    { kind: 'status'; status: AgencyStatusChange; label: string } | { kind: 'close'; id: string } | null
  >(null);
  const [text, setText] = useState('');

  if (loading && !data)
    return (
      <LoadingPage
        title="机构详情"
        breadcrumb={[{ title: '机构名录', path: 'agencies' }, { title: '机构详情' }]}
        label="正在加载机构详情…"
      />
    );
  if (error && !data)
    return <ErrorState message={graphqlErrorMessage(error)} onRetry={() => void refetch()} />;
  const a = data?.agency;
  if (!a)
    return <NotFoundState title="未找到该机构" extra={<Link to={path('agencies')}>返回机构名录</Link>} />;

  async function submitViolation(v: ViolationForm) {
    setFailure(null);
    setDone(null);
    try {
      const r = await record({
        variables: {
          agencyId: a!.id,
          type: v.type,
          severity: v.severity,
          description: v.description.trim(),
          deadline: v.deadline.toISOString(),
        },
      });
      form.resetFields();
      setDone(`已记录违规。处理：${consequenceText(r.data?.recordViolation.consequence ?? 'NONE')}`);
    } catch (e) {
      setFailure(graphqlErrorMessage(e));
    }
  }

  async function confirmPending() {
    if (!pending) return;
    setFailure(null);
    try {
      if (pending.kind === 'status')
        await changeStatus({ variables: { agencyId: a!.id, status: pending.status, reason: text.trim() } });
      else await closeViolation({ variables: { violationId: pending.id, note: text.trim() } });
      setPending(null);
      setText('');
    } catch (e) {
      setFailure(graphqlErrorMessage(e));
    }
  }

  return (
    <>
      <PageHeader
        title={a.name}
        breadcrumb={[{ title: '机构名录', path: 'agencies' }, { title: a.name }]}
        description={`${a.institution.name}（${a.institution.schoolTypeName}） · ${a.kindName}`}
        extra={<Link to={path('agencies')}>返回机构名录</Link>}
      />
      <PageSection
        id="agency-basic"
        title="备案信息"
        extra={<Tag color={AGENCY_STATUS_COLOURS[a.status]}>{a.statusName}</Tag>}
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="备案编号">{a.filingNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="有效期">
            {a.validFrom ? `${formatDate(a.validFrom)} 至 ${formatDate(a.validUntil)}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码">{a.institution.creditCode}</Descriptions.Item>
          <Descriptions.Item label="联系地址">{a.address ?? '未登记'}</Descriptions.Item>
          <Descriptions.Item label="咨询电话">{a.contactPhone ?? '未登记'}</Descriptions.Item>
        </Descriptions>
        {a.status === 'FILED' ? (
          <div style={{ margin: '12px 0' }}>
            <DownloadButton
              fetchFile={() => fetchFilingCertificate(a.id)}
              describeError={graphqlErrorMessage}
            >
              打印备案证明（PDF）
            </DownloadButton>
          </div>
        ) : null}
        <Table
          rowKey="occupationCode"
          size="small"
          pagination={false}
          aria-label="备案范围"
          dataSource={a.scope}
          columns={[
            { title: '编码', dataIndex: 'occupationCode', width: 140 },
            {
              title: '职业（工种）/项目',
              render: (_: unknown, s) =>
                s.occupation?.name ?? s.specialAbilityProject?.name ?? '目录中未找到',
            },
            {
              title: '等级',
              render: (_: unknown, s) =>
                s.levels.length ? s.levels.map(skillLevelText).join('、') : '专项职业能力',
            },
          ]}
        />
      </PageSection>
      <PageSection id="supervision" title="监督检查">
        <Flex vertical gap={12}>
          {failure ? <Alert type="error" showIcon role="alert" title={failure} /> : null}
          {done ? <Alert type="success" showIcon role="status" title={done} /> : null}
          {bureau.isCityHr ? (
            <Space wrap>
              <Typography.Text>机构状态：</Typography.Text>
              {STATUS_ACTIONS.filter((s) => s.when.includes(a.status)).map((s) => (
                <Button
                  key={s.status}
                  danger={s.danger}
                  onClick={() => setPending({ kind: 'status', status: s.status, label: s.label })}
                >
                  {s.label}机构
                </Button>
              ))}
            </Space>
          ) : null}
          <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
            违规记录
          </Typography.Title>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            aria-label="违规记录"
            locale={{ emptyText: <EmptyText>{a.violations ? '无违规记录' : '无权查看违规记录'}</EmptyText> }}
            dataSource={a.violations ?? []}
            columns={[
              { title: '发现日期', render: (_: unknown, v) => formatDate(v.foundAt), width: 120 },
              {
                title: '类型',
                render: (_: unknown, v) => VIOLATION_TYPE_LABELS[v.type as ViolationType] ?? v.type,
                width: 170,
              },
              {
                title: '程度',
                render: (_: unknown, v) => VIOLATION_SEVERITY_LABELS[v.severity],
                width: 70,
              },
              { title: '情况', dataIndex: 'description' },
              {
                title: '处理',
                dataIndex: 'consequence',
                render: (c: ViolationConsequence) => consequenceText(c),
              },
              { title: '整改期限', render: (_: unknown, v) => formatDate(v.deadline), width: 120 },
              {
                title: '状态',
                width: 130,
                render: (_: unknown, v) =>
                  v.closedAt ? (
                    <Tag color="#237804">已整改 {formatDate(v.closedAt)}</Tag>
                  ) : (
                    <Button size="small" onClick={() => setPending({ kind: 'close', id: v.id })}>
                      整改完毕
                    </Button>
                  ),
              },
            ]}
          />
          <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
            记录违规
          </Typography.Title>
          <Form<ViolationForm>
            form={form}
            layout="vertical"
            initialValues={{ type: 'OUTSOURCING', severity: 'SERIOUS' }}
            onFinish={(v) => void submitViolation(v)}
          >
            <Flex gap={12} wrap>
              <Form.Item label="违规类型" name="type" rules={[{ required: true }]} style={{ minWidth: 240 }}>
                <Select
                  options={Object.entries(VIOLATION_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
                />
              </Form.Item>
              <Form.Item
                label="严重程度"
                name="severity"
                rules={[{ required: true }]}
                style={{ minWidth: 120 }}
              >
                <Select
                  options={Object.entries(VIOLATION_SEVERITY_LABELS).map(([value, label]) => ({
                    value,
                    label,
                  }))}
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
            <Form.Item
              label="检查发现的情况"
              name="description"
              rules={[{ required: true, whitespace: true, message: '请填写检查发现的情况' }]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={recordState.loading}>
              记录违规
            </Button>
          </Form>
        </Flex>
      </PageSection>
      <PageSection id="events" title="办理记录">
        <EventTimeline events={a.events ?? []} />
      </PageSection>
      <Modal
        open={pending !== null}
        title={pending?.kind === 'status' ? `${pending.label}机构` : '整改完毕，关闭违规记录'}
        okText="确定"
        cancelText="取消"
        confirmLoading={statusState.loading || closeState.loading}
        okButtonProps={{ disabled: !text.trim() }}
        onOk={() => void confirmPending()}
        onCancel={() => setPending(null)}
      >
        <label htmlFor="pending-text">{pending?.kind === 'status' ? '理由' : '整改情况'}</label>
        <Input.TextArea id="pending-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      </Modal>
    </>
  );
}
