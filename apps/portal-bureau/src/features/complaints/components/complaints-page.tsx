import { graphqlErrorMessage } from '@skills/graphql-client';
import { EmptyText, ErrorState, formatDateTime, LoadingPage, PageHeader, PageSection } from '@skills/ui-kit';
import { Alert, Button, Flex, Input, Modal, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useComplaints, useHandleComplaint } from '../api/complaints-query';
import { complainant, COMPLAINT_STATUS } from '../utils/complaints';

/** 社会监督投诉：公众对本地区评价机构的投诉，人社、教育部门处理并办结 */
export function ComplaintsPage() {
  const [open, setOpen] = useState(true);
  const { data, loading, error, refetch } = useComplaints(open);
  const [handle, handleState] = useHandleComplaint();
  const [target, setTarget] = useState<{ id: string; agency: string } | null>(null);
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  if (loading && !data) return <LoadingPage title="社会监督投诉" label="正在加载投诉…" />;
  if (error && !data)
    return <ErrorState message={graphqlErrorMessage(error)} onRetry={() => void refetch()} />;
  const rows = data?.complaints.edges.map((e) => e.node) ?? [];

  async function submit() {
    if (!target) return;
    setFailure(null);
    try {
      await handle({ variables: { complaintId: target.id, note: note.trim() } });
      setTarget(null);
    } catch (e) {
      setFailure(graphqlErrorMessage(e));
    }
  }

  return (
    <>
      <PageHeader
        title="社会监督投诉"
        description="公众对本地区评价机构的投诉（可匿名提交），由本地区人社、教育部门核查处理后办结。"
      />
      <PageSection
        id="complaints"
        title={open ? `待处理（${rows.length} 件）` : `全部投诉（${rows.length} 件）`}
        extra={
          <Flex align="center" gap={8}>
            <Switch id="complaints-open" checked={open} onChange={setOpen} aria-label="仅显示待处理" />
            <label htmlFor="complaints-open">仅显示待处理</label>
          </Flex>
        }
      >
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          aria-label="社会监督投诉"
          locale={{ emptyText: <EmptyText>{'暂无投诉'}</EmptyText> }}
          dataSource={rows}
          columns={[
            { title: '被投诉机构', render: (_: unknown, c) => c.agency.name },
            { title: '投诉内容', dataIndex: 'content' },
            { title: '投诉人', render: (_: unknown, c) => complainant(c), width: 160 },
            { title: '提交时间', render: (_: unknown, c) => formatDateTime(c.submittedAt), width: 150 },
            {
              title: '状态',
              width: 200,
              render: (_: unknown, c) => (
                <>
                  <Tag color={COMPLAINT_STATUS[c.status].colour}>{COMPLAINT_STATUS[c.status].label}</Tag>
                  {c.handlingNote ? <div>{c.handlingNote}</div> : null}
                </>
              ),
            },
            {
              title: '操作',
              width: 90,
              render: (_: unknown, c) =>
                c.status === 'OPEN' ? (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => {
                      setTarget({ id: c.id, agency: c.agency.name });
                      setNote('');
                      setFailure(null);
                    }}
                  >
                    办结
                  </Button>
                ) : null,
            },
          ]}
        />
      </PageSection>
      <Modal
        open={target !== null}
        title={target ? `办结投诉：${target.agency}` : ''}
        okText="办结"
        cancelText="取消"
        confirmLoading={handleState.loading}
        okButtonProps={{ disabled: note.trim().length < 2 }}
        onOk={() => void submit()}
        onCancel={() => setTarget(null)}
      >
        <Flex vertical gap={12}>
          <label htmlFor="complaint-note">处理情况</label>
          <Input.TextArea
            id="complaint-note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={1000}
            rows={4}
          />
          {failure ? (
            <Alert type="error" showIcon role="alert" title="办结未成功" description={failure} />
          ) : null}
        </Flex>
      </Modal>
    </>
  );
}
