import { graphqlErrorMessage } from '@skills/graphql-client';
import {
  ErrorState,
  formatDate,
  formatDateTime,
  LoadingPage,
  PageHeader,
  PageSection,
  skillLevelText,
} from '@skills/ui-kit';
import { Alert, Button, Empty, Space, Table, Tag } from 'antd';
import { useRef, useState } from 'react';
import type { MyAssessmentPlansQuery } from '../../../generated/graphql';
import { useImportTemplate } from '../api/import-template-query';
import { useMyAssessmentPlans } from '../api/my-plans-query';
import { useFinalizeResults, useImportScores, usePublishResults } from '../api/plan-mutations';

type Plan = MyAssessmentPlansQuery['assessmentPlans']['edges'][number]['node'];
interface RowErrors {
  rows: number[];
  errors: { row: number; message: string }[];
  total: number;
}
type Outcome = { ok: boolean; text: string; rows?: RowErrors };

/**
 * The row errors of a refused import (`extensions.details` of the first GraphQL error). Read here rather than
 * through a new @skills/graphql-client export: the shell shares its own copy of that package with every portal,
 * and a portal deployed before the shell must not call what the shell's copy lacks.
 */
function rowErrorsOf(error: unknown): RowErrors | undefined {
  const details = (error as { errors?: { extensions?: { details?: unknown } }[] } | null)?.errors?.[0]
    ?.extensions?.details as Partial<RowErrors> | undefined;
  return details?.rows && details.errors ? (details as RowErrors) : undefined;
}

/** Reads a chosen file as base64 (without the data-URL prefix). */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** 评价计划：本校评价机构的计划，成绩导入（整份校验）、公示与确认结果 */
export function AssessmentPlansPage() {
  const { data, loading, error, refetch } = useMyAssessmentPlans();
  const [importScores, importing] = useImportScores();
  const [publish, publishing] = usePublishResults();
  const [finalize, finalizing] = useFinalizeResults();
  const [loadTemplate] = useImportTemplate();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  // the plan whose 导入成绩 opened the file chooser (a ref: read when the file arrives, not when rendered)
  const target = useRef<Plan | null>(null);
  const [importingId, setImportingId] = useState<string | null>(null);

  if (loading && !data) return <LoadingPage title="评价计划" label="正在加载评价计划…" />;
  if (error && !data)
    return <ErrorState message={graphqlErrorMessage(error)} onRetry={() => void refetch()} />;
  const plans = data?.assessmentPlans.edges.map((e) => e.node) ?? [];

  const run = async (work: () => Promise<string>, failure: string) => {
    setOutcome(null);
    try {
      setOutcome({ ok: true, text: await work() });
    } catch (e) {
      const rows = rowErrorsOf(e);
      setOutcome({
        ok: false,
        text: `${failure}：${graphqlErrorMessage(e)}`,
        ...(rows ? { rows } : {}),
      });
    }
  };

  const downloadTemplate = () =>
    run(async () => {
      const r = await loadTemplate({ variables: { kind: 'SCORES', format: 'XLSX' } });
      const t = r.data?.importTemplate;
      if (!t) throw r.error ?? new Error('no template');
      const a = document.createElement('a');
      a.href = `data:${t.contentType};base64,${t.contentBase64}`;
      a.download = t.fileName;
      a.click();
      return `已下载 ${t.fileName}`;
    }, '未能下载模板');

  const onFile = async (file: File | undefined) => {
    const plan = target.current;
    if (!file || !plan) return;
    setImportingId(plan.id);
    await run(async () => {
      const contentBase64 = await base64Of(file);
      const r = await importScores({
        variables: { planId: plan.id, file: { fileName: file.name, contentBase64 }, reason: '成绩批量导入' },
      });
      const done = r.data!.importScores;
      return `“${plan.title}”已导入 ${done.rows} 行成绩，其中 ${done.changed} 名考生的成绩有变更（已记入工作台账）`;
    }, `“${plan.title}”的成绩未导入`);
    setImportingId(null);
    if (fileInput.current) fileInput.current.value = '';
  };

  return (
    <>
      <PageHeader
        title="评价计划"
        description="本校评价机构的评价计划。成绩可按模板（xlsx 或 csv）批量导入：整份文件逐行校验，任何一行有误则全部不导入，并列出每个错误的行号与原因。"
        extra={<Button onClick={() => void downloadTemplate()}>下载成绩导入模板</Button>}
      />
      {outcome && (
        <Alert
          role={outcome.ok ? 'status' : 'alert'}
          type={outcome.ok ? 'success' : 'error'}
          showIcon
          style={{ marginBottom: 16 }}
          message={outcome.text}
          description={
            outcome.rows ? (
              <>
                <p>
                  有误的行：{outcome.rows.rows.join('、')}（共 {outcome.rows.total} 处）
                </p>
                <ul aria-label="导入错误">
                  {outcome.rows.errors.slice(0, 50).map((e) => (
                    <li key={`${e.row}-${e.message}`}>{e.message}</li>
                  ))}
                </ul>
              </>
            ) : undefined
          }
        />
      )}
      <input
        ref={fileInput}
        type="file"
        accept=".xlsx,.csv"
        aria-label="选择成绩文件"
        style={{ display: 'none' }}
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
      <PageSection id="plans" title="本校评价计划">
        <Table<Plan>
          rowKey="id"
          size="middle"
          pagination={false}
          aria-label="评价计划"
          dataSource={plans}
          locale={{ emptyText: <Empty description="尚无评价计划" /> }}
          columns={[
            { title: '计划编号', dataIndex: 'number', width: 150 },
            { title: '计划', dataIndex: 'title' },
            {
              title: '职业 / 等级',
              key: 'target',
              width: 170,
              render: (_: unknown, p) => (
                <>
                  {p.occupationCode} <Tag>{p.level ? skillLevelText(p.level) : p.kindName}</Tag>
                </>
              ),
            },
            {
              title: '考核日期',
              key: 'date',
              width: 120,
              render: (_: unknown, p) => formatDate(p.assessmentDate),
            },
            {
              title: '报名',
              key: 'places',
              width: 90,
              render: (_: unknown, p) => `${p.registeredCount} / ${p.capacity}`,
            },
            {
              title: '状态',
              key: 'status',
              width: 160,
              render: (_: unknown, p) =>
                p.status === 'PUBLISHED' && p.publicationEndsAt
                  ? `${p.statusName}（至 ${formatDateTime(p.publicationEndsAt)}）`
                  : p.statusName,
            },
            {
              title: '操作',
              key: 'actions',
              width: 280,
              render: (_: unknown, p) => (
                <Space wrap>
                  {(p.status === 'OPEN' || p.status === 'CLOSED') && (
                    <>
                      <Button
                        loading={importing.loading && importingId === p.id}
                        aria-label={`导入成绩 ${p.title}`}
                        onClick={() => {
                          target.current = p;
                          fileInput.current?.click();
                        }}
                      >
                        导入成绩
                      </Button>
                      <Button
                        loading={publishing.loading}
                        aria-label={`公示成绩 ${p.title}`}
                        onClick={() =>
                          void run(async () => {
                            await publish({ variables: { planId: p.id } });
                            return `“${p.title}”的成绩已公示`;
                          }, `“${p.title}”未能公示`)
                        }
                      >
                        公示成绩
                      </Button>
                    </>
                  )}
                  {p.status === 'PUBLISHED' && (
                    <Button
                      type="primary"
                      loading={finalizing.loading}
                      aria-label={`确认结果 ${p.title}`}
                      onClick={() =>
                        void run(async () => {
                          const r = await finalize({ variables: { planId: p.id } });
                          const f = r.data!.finalizeResults;
                          return `“${p.title}”已确认 ${f.finalized} 名考生的最终结果${f.heldBack ? `，${f.heldBack} 名因异议待处理暂缓确认` : ''}`;
                        }, `“${p.title}”未能确认结果`)
                      }
                    >
                      确认结果
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </PageSection>
    </>
  );
}
