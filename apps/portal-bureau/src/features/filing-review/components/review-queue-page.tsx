import { graphqlErrorMessage, type FilingDecision, type FilingStatus } from '@skills/graphql-client';
import {
  ErrorState,
  PageHeader,
  PageSection,
  scopeItemText,
  EmptyText,
  formatDateTime,
  LoadingPage,
} from '@skills/ui-kit';
import { Alert, Button, Flex, Input, Modal, Radio, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { regionLabel, useBureauAccount } from '../../../components/bureau-account';
import { useDecideFiling } from '../api/decide-filing-mutation';
import { useGiveCountyOpinion } from '../api/give-county-opinion-mutation';
import { useReviewFilings } from '../api/review-filings-query';
import { cityMayDecide, filingNotes, filingTypeName } from '../utils/filing-review';

const STATUS_COLOURS = {
  SUBMITTED: '#0b57d0',
  COUNTY_REVIEWED: '#531dab',
  APPROVED: '#237804',
  RETURNED: '#ad4e00',
  REJECTED: '#a8071a',
  WITHDRAWN: '#595959',
} satisfies Record<FilingStatus, string>;

const DECISIONS: { value: FilingDecision; label: string }[] = [
  { value: 'APPROVE', label: '准予备案' },
  { value: 'RETURN', label: '退回补正' },
  { value: 'REJECT', label: '不予备案' },
];

type Review = { kind: 'county' | 'city'; filingId: string; agencyName: string } | null;

/** 备案审核：县（区）提出意见，市人社局作出决定 */
export function ReviewQueuePage() {
  const bureau = useBureauAccount();
  const [open, setOpen] = useState(true);
  const { data, loading, error, refetch } = useReviewFilings(open);
  const [review, setReview] = useState<Review>(null);
  const [agree, setAgree] = useState(true);
  const [decision, setDecision] = useState<FilingDecision>('APPROVE');
  const [text, setText] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [giveOpinion, opinionState] = useGiveCountyOpinion();
  const [decide, decideState] = useDecideFiling();

  if (loading && !data) return <LoadingPage title="备案审核" label="正在加载备案申请…" />;
  if (error && !data)
    return <ErrorState message={graphqlErrorMessage(error)} onRetry={() => void refetch()} />;

  const reasonRequired = review?.kind === 'county' || decision !== 'APPROVE';

  function start(kind: 'county' | 'city', filingId: string, agencyName: string) {
    setReview({ kind, filingId, agencyName });
    setAgree(true);
    setDecision('APPROVE');
    setText('');
    setFailure(null);
  }

  async function submit() {
    if (!review) return;
    setFailure(null);
    try {
      if (review.kind === 'county')
        await giveOpinion({ variables: { filingId: review.filingId, agree, opinion: text.trim() } });
      else await decide({ variables: { filingId: review.filingId, decision, reason: text.trim() || null } });
      setReview(null);
    } catch (e) {
      setFailure(graphqlErrorMessage(e));
    }
  }

  const rows = data?.filings.edges.map((e) => e.node) ?? [];
  return (
    <>
      <PageHeader
        title="备案审核"
        description={`${bureau.regionName ?? ''}的评价机构备案申请：县（区）人社部门提出审核意见，市人社局作出备案决定。`}
      />
      <PageSection
        id="review-queue"
        title={open ? `办理中的申请（${rows.length} 件）` : `全部申请（${rows.length} 件）`}
        extra={
          <Flex align="center" gap={8}>
            <Switch id="open-only" checked={open} onChange={setOpen} aria-label="仅显示办理中" />
            <label htmlFor="open-only">仅显示办理中</label>
          </Flex>
        }
      >
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          aria-label="备案申请"
          locale={{ emptyText: <EmptyText>{'暂无备案申请'}</EmptyText> }}
          dataSource={rows}
          columns={[
            {
              title: '院校 / 机构',
              render: (_: unknown, f) => (
                <>
                  <Typography.Text strong>{f.agency.institution.name}</Typography.Text>
                  <div>
                    {f.agency.name}（{f.agency.kindName}，{f.agency.institution.schoolTypeName}）
                  </div>
                </>
              ),
            },
            { title: '类型', render: (_: unknown, f) => filingTypeName(f.type), width: 80 },
            { title: '地区', render: (_: unknown, f) => regionLabel(bureau, f.regionCode), width: 110 },
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
              title: '提交时间',
              render: (_: unknown, f) => formatDateTime(f.submittedAt),
              width: 150,
            },
            {
              title: '状态 / 意见',
              render: (_: unknown, f) => (
                <>
                  <Tag color={STATUS_COLOURS[f.status]}>{f.statusName}</Tag>
                  {filingNotes(f, f.agency.events ?? []).map((line) => (
                    <div key={line}>{line}</div>
                  ))}
                </>
              ),
            },
            {
              title: '操作',
              width: 120,
              render: (_: unknown, f) => (
                <>
                  {bureau.isCounty && f.status === 'SUBMITTED' ? (
                    <Button size="small" type="primary" onClick={() => start('county', f.id, f.agency.name)}>
                      县区意见
                    </Button>
                  ) : null}
                  {bureau.isCityHr && cityMayDecide(f) ? (
                    <Button size="small" type="primary" onClick={() => start('city', f.id, f.agency.name)}>
                      备案决定
                    </Button>
                  ) : null}
                </>
              ),
            },
          ]}
        />
      </PageSection>
      <Modal
        open={review !== null}
        title={
          review ? `${review.kind === 'county' ? '县区审核意见' : '备案决定'}：${review.agencyName}` : ''
        }
        okText="提交"
        cancelText="取消"
        confirmLoading={opinionState.loading || decideState.loading}
        okButtonProps={{ disabled: reasonRequired && !text.trim() }}
        onOk={() => void submit()}
        onCancel={() => setReview(null)}
      >
        <Flex vertical gap={12}>
          {review?.kind === 'county' ? (
            <Radio.Group
              aria-label="审核意见"
              value={agree}
              onChange={(e) => setAgree(e.target.value as boolean)}
              options={[
                { value: true, label: '同意' },
                { value: false, label: '不同意' },
              ]}
            />
          ) : (
            <Radio.Group
              aria-label="备案决定"
              value={decision}
              onChange={(e) => setDecision(e.target.value as FilingDecision)}
              options={DECISIONS}
            />
          )}
          <div>
            <label htmlFor="review-text">
              {review?.kind === 'county'
                ? '审核意见'
                : decision === 'APPROVE'
                  ? '备注（可选）'
                  : '理由（必填）'}
            </label>
            <Input.TextArea
              id="review-text"
              rows={3}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          {failure ? <Alert type="error" showIcon role="alert" title={failure} /> : null}
        </Flex>
      </Modal>
    </>
  );
}
