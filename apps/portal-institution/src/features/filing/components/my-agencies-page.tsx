import {
  FILING_KIND_LABELS,
  graphqlErrorMessage,
  type AgencyStatus,
  type FilingStatus,
} from '@skills/graphql-client';
import {
  EventTimeline,
  formatDate,
  formatDateTime,
  ErrorState,
  PageHeader,
  scopeItemText,
  skillLevelText,
  usePortalPath,
  LoadingPage,
  DownloadButton,
} from '@skills/ui-kit';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Input,
  Modal,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { fetchFilingCertificate } from '../api/filing-certificate-query';
import { useMyFilings, type MyFiling } from '../api/my-filings-query';
import { useWithdrawFiling } from '../api/withdraw-filing-mutation';
import { agencyState, type StateAgency, type StateFiling } from '../utils/agency-state';
import { ContactDialog, type ContactTarget } from './contact-dialog';
import { ResubmitDialog, type ResubmitTarget } from './resubmit-dialog';

/** Tag colours of a filing's status and of an agency's (the card shows either, see agencyState). */
const STATUS_COLOURS = {
  SUBMITTED: '#0b57d0',
  COUNTY_REVIEWED: '#0b57d0',
  APPROVED: '#237804',
  RETURNED: '#ad4e00',
  REJECTED: '#a8071a',
  WITHDRAWN: '#595959',
  FILED: '#237804',
  APPLYING: '#0b57d0',
  SUSPENDED: '#ad4e00',
  CANCELLED: '#a8071a',
  EXPIRED: '#595959',
} satisfies Record<FilingStatus | AgencyStatus, string>;

type Action = { kind: 'withdraw'; filingId: string } | null;

/** 机构状态：已备案、申请中，或最近的申请已撤回、不予备案时的“未备案（…）” */
function AgencyStateTag({ agency, filings }: { agency: StateAgency; filings: readonly StateFiling[] }) {
  const state = agencyState(agency, filings);
  return <Tag color={STATUS_COLOURS[state.status]}>{state.label}</Tag>;
}

/** 本校评价机构：机构、备案申请及办理记录，补正后重新提交、撤回、申请增设 */
export function MyAgenciesPage() {
  const { data, loading, error, refetch } = useMyFilings();
  const path = usePortalPath();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const [action, setAction] = useState<Action>(null);
  const [text, setText] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [resubmitting, setResubmitting] = useState<ResubmitTarget | null>(null);
  const [contact, setContact] = useState<ContactTarget | null>(null);
  const [withdraw, withdrawState] = useWithdrawFiling();

  if (loading && !data) return <LoadingPage title="本校评价机构" label="正在加载本校评价机构…" />;
  if (error && !data)
    return <ErrorState message={graphqlErrorMessage(error)} onRetry={() => void refetch()} />;

  // one card per agency, its filings newest first
  const agencies = new Map<
    string,
    {
      agency: MyFiling['agency'];
      filings: MyFiling[];
    }
  >();
  for (const { node: f } of data?.filings.edges ?? []) {
    const entry = agencies.get(f.agency.id) ?? { agency: f.agency, filings: [] };
    entry.filings.push(f);
    agencies.set(f.agency.id, entry);
  }

  async function confirm() {
    if (!action) return;
    setFailure(null);
    try {
      await withdraw({ variables: { filingId: action.filingId, reason: text.trim() } });
      setAction(null);
      setText('');
    } catch (e) {
      setFailure(graphqlErrorMessage(e));
    }
  }

  return (
    <>
      <PageHeader
        title="本校评价机构"
        description="本校申请或已备案的评价机构、备案进度与办理记录。"
        extra={
          <Link to={path('/apply')}>
            <Button type="primary">申请备案</Button>
          </Link>
        }
      />
      {notice ? (
        <Alert type="success" showIcon title={notice} style={{ marginBottom: 16 }} role="status" />
      ) : null}
      {agencies.size === 0 ? <Empty description="本校尚未申请备案评价机构" /> : null}
      <Flex vertical gap={16}>
        {[...agencies.values()].map(({ agency, filings }) => (
          <section key={agency.id} aria-labelledby={`agency-${agency.id}`}>
            <Card
              title={
                <Typography.Title level={2} id={`agency-${agency.id}`} style={{ fontSize: 18, margin: 0 }}>
                  {agency.name}
                </Typography.Title>
              }
              extra={
                <Space>
                  <AgencyStateTag agency={agency} filings={filings} />
                  {agency.status === 'FILED' ? (
                    <>
                      <Link
                        to={path(`/agencies/${agency.id}/assessors`)}
                        aria-label={`${agency.name} 考评员`}
                      >
                        考评员
                      </Link>
                      <Link to={path(`/agencies/${agency.id}/expand`)}>申请增设</Link>
                    </>
                  ) : null}
                </Space>
              }
            >
              <Descriptions size="small" column={{ xs: 1, md: 3 }}>
                <Descriptions.Item label="机构类型">{agency.kindName}</Descriptions.Item>
                <Descriptions.Item label="备案编号">{agency.filingNumber ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="有效期">
                  {agency.validFrom
                    ? `${formatDate(agency.validFrom)} 至 ${formatDate(agency.validUntil)}`
                    : '—'}
                </Descriptions.Item>
                <Descriptions.Item label="联系地址">{agency.address ?? '未登记'}</Descriptions.Item>
                <Descriptions.Item label="咨询电话">
                  <Space wrap>
                    {agency.contactPhone ?? '未登记'}
                    <Button
                      size="small"
                      aria-label={`修改联系方式：${agency.name}`}
                      onClick={() =>
                        setContact({
                          agencyId: agency.id,
                          agencyName: agency.name,
                          address: agency.address,
                          contactPhone: agency.contactPhone,
                        })
                      }
                    >
                      修改联系方式
                    </Button>
                  </Space>
                </Descriptions.Item>
              </Descriptions>
              {agency.status === 'FILED' ? (
                <div style={{ margin: '8px 0 12px' }}>
                  <DownloadButton
                    fetchFile={() => fetchFilingCertificate(agency.id)}
                    describeError={graphqlErrorMessage}
                  >
                    打印备案证明（PDF）
                  </DownloadButton>
                </div>
              ) : null}
              {agency.scope.length ? (
                <Table
                  rowKey="occupationCode"
                  size="small"
                  pagination={false}
                  aria-label={`${agency.name} 备案范围`}
                  dataSource={agency.scope}
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
              ) : null}
              {agency.violations?.some((v) => !v.closedAt) ? (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginTop: 12 }}
                  title="存在未整改的违规记录"
                  description={agency.violations
                    .filter((v) => !v.closedAt)
                    .map((v) => `${v.description}（整改期限 ${formatDate(v.deadline)}）`)
                    .join('；')}
                />
              ) : null}
              <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
                备案申请
              </Typography.Title>
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                aria-label={`${agency.name} 备案申请`}
                dataSource={filings}
                columns={[
                  { title: '提交时间', render: (_: unknown, f) => formatDateTime(f.submittedAt), width: 160 },
                  {
                    title: '类型',
                    render: (_: unknown, f) => FILING_KIND_LABELS[f.type],
                    width: 90,
                  },
                  {
                    title: '申请范围',
                    render: (_: unknown, f) => (
                      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                        {f.requestedScope.map((s) => (
                          <li key={s.occupationCode}>{scopeItemText(s)}</li>
                        ))}
                      </ul>
                    ),
                  },
                  {
                    title: '状态',
                    render: (_: unknown, f) => (
                      <Tag color={STATUS_COLOURS[f.status]} data-testid={`filing-status-${f.id}`}>
                        {f.statusName}
                      </Tag>
                    ),
                    width: 170,
                  },
                  {
                    title: '意见',
                    render: (_: unknown, f) =>
                      [
                        f.countyOpinion ? `县区：${f.countyOpinion}` : '',
                        f.decisionReason ? `市局：${f.decisionReason}` : '',
                      ]
                        .filter(Boolean)
                        .join('；') || '—',
                  },
                  {
                    title: '操作',
                    width: 170,
                    render: (_: unknown, f) => (
                      <Space>
                        {f.status === 'RETURNED' ? (
                          <Button
                            size="small"
                            onClick={() =>
                              setResubmitting({
                                filingId: f.id,
                                type: f.type,
                                requestedScope: f.requestedScope,
                                agencyKind: agency.kind,
                                schoolType: agency.institution.schoolType,
                                schoolTypeName: agency.institution.schoolTypeName,
                              })
                            }
                          >
                            补正后重新提交
                          </Button>
                        ) : null}
                        {f.status === 'SUBMITTED' || f.status === 'RETURNED' ? (
                          <Button
                            size="small"
                            danger
                            onClick={() => setAction({ kind: 'withdraw', filingId: f.id })}
                          >
                            撤回
                          </Button>
                        ) : null}
                      </Space>
                    ),
                  },
                ]}
              />
              <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
                办理记录
              </Typography.Title>
              <EventTimeline events={agency.events ?? []} label={`${agency.name} 办理记录`} />
            </Card>
          </section>
        ))}
      </Flex>
      <Modal
        open={action !== null}
        title="撤回申请"
        okText="确定"
        cancelText="取消"
        confirmLoading={withdrawState.loading}
        okButtonProps={{ disabled: !text.trim() }}
        onOk={() => void confirm()}
        onCancel={() => {
          setAction(null);
          setFailure(null);
        }}
      >
        <label htmlFor="filing-action-text">撤回原因</label>
        <Input.TextArea
          id="filing-action-text"
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        {failure ? (
          <Alert type="error" showIcon role="alert" title={failure} style={{ marginTop: 12 }} />
        ) : null}
      </Modal>
      {contact ? (
        <ContactDialog key={contact.agencyId} target={contact} onClose={() => setContact(null)} />
      ) : null}
      {resubmitting ? (
        <ResubmitDialog
          key={resubmitting.filingId}
          target={resubmitting}
          onClose={() => setResubmitting(null)}
        />
      ) : null}
    </>
  );
}
