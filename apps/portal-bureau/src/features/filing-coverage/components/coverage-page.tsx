import { AGENCY_KIND_NAMES, regionShortName, type AgencyKind } from '@skills/domain';
import { graphqlErrorMessage } from '@skills/graphql-client';
import { ErrorState, PageHeader, PageSection, EmptyText, LoadingPage } from '@skills/ui-kit';
import { Alert, Card, Col, Progress, Row, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useBureauAccount } from '../../../components/bureau-account';
import { EChart } from '../../../components/echart';
import { useFilingCoverage } from '../api/filing-coverage-query';
import { coverageChartOption, percent } from '../utils/coverage-chart';

/** 备案覆盖率：职业院校备案职业技能等级评价机构的比例（目标 2025-12-31 前 100%） */
export function CoveragePage() {
  const bureau = useBureauAccount();
  const { data, loading, error, refetch } = useFilingCoverage(bureau.regionCode);
  const c = data?.filingCoverage;
  const option = useMemo(() => coverageChartOption(c?.byRegion ?? []), [c?.byRegion]);
  if (!bureau.regionCode) return <ErrorState title="无法统计" message="当前账号没有地区范围。" />;
  if (loading && !c) return <LoadingPage title="备案覆盖率" label="正在统计备案覆盖率…" />;
  if (error && !c) return <ErrorState message={graphqlErrorMessage(error)} onRetry={() => void refetch()} />;
  if (!c) return null;
  const reached = c.ratio >= c.target;
  return (
    <>
      <PageHeader
        title="备案覆盖率"
        description={`${c.regionName}职业院校备案职业技能等级评价机构的情况。目标：${c.deadline} 前覆盖率达到 ${percent(c.target)}。`}
      />
      <Typography.Paragraph type="secondary" data-testid="coverage-rule">
        按通知要求，“十四五”期末全省职业院校要全部备案设立<strong>职业技能等级评价机构</strong>。覆盖率 =
        有在有效期内的职业技能等级评价机构的职业院校数 ÷
        职业院校数（中职、高职专科、职业本科）。只备案了职业技能考核鉴定机构等其他类型机构的院校尚未达到要求，列在下方并注明。
      </Typography.Paragraph>
      {c.deadlinePassed && !reached ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={`已超过期限（${c.deadline}），覆盖率仍未达到 ${percent(c.target)}`}
          description={`尚有 ${c.vocationalColleges - c.filed} 所职业院校未备案，请督促落实。`}
        />
      ) : null}
      <section aria-label="覆盖率指标" style={{ marginBottom: 16 }}>
        <Row gutter={[16, 16]}>
          <Col xs={24} md={8}>
            <Card>
              <Statistic
                title="备案覆盖率"
                value={percent(c.ratio)}
                valueStyle={{ color: reached ? '#237804' : '#a8071a' }}
              />
              <Progress
                percent={Math.round(c.ratio * 1000) / 10}
                showInfo={false}
                aria-label="备案覆盖率进度"
              />
            </Card>
          </Col>
          <Col xs={12} md={8}>
            <Card>
              <Statistic title="已备案院校" value={c.filed} suffix="所" />
            </Card>
          </Col>
          <Col xs={12} md={8}>
            <Card>
              <Statistic title="职业院校" value={c.vocationalColleges} suffix="所" />
            </Card>
          </Col>
        </Row>
        <span data-testid="coverage-kpi" hidden>
          {`${c.filed}/${c.vocationalColleges}`}
        </span>
      </section>
      <PageSection
        id="by-region"
        title={
          c.byRegion.length === 1 && c.byRegion[0]?.regionCode === c.regionCode
            ? '本县（市、区）'
            : '按县（市、区）'
        }
      >
        <EChart option={option} label="各县（市、区）职业院校备案情况柱状图" testId="coverage-chart" />
        <Table
          rowKey="regionCode"
          size="small"
          pagination={false}
          dataSource={c.byRegion}
          aria-label="各县（市、区）备案覆盖率"
          columns={[
            { title: '县（市、区）', dataIndex: 'regionName' },
            { title: '职业院校', dataIndex: 'vocationalColleges', align: 'right' },
            { title: '已备案', dataIndex: 'filed', align: 'right' },
            { title: '覆盖率', dataIndex: 'ratio', align: 'right', render: (r: number) => percent(r) },
          ]}
        />
      </PageSection>
      <PageSection id="missing" title={`尚未备案的职业院校（${c.missing.length} 所）`}>
        <Table
          rowKey="creditCode"
          size="small"
          pagination={false}
          dataSource={c.missing}
          aria-label="尚未备案的职业院校"
          locale={{ emptyText: <EmptyText>{'全部职业院校均已备案'}</EmptyText> }}
          columns={[
            { title: '院校', dataIndex: 'name' },
            { title: '类型', dataIndex: 'schoolTypeName', width: 100 },
            { title: '县（市、区）', dataIndex: 'regionCode', width: 140, render: regionShortName },
            {
              title: '说明',
              dataIndex: 'filedAgencyKinds',
              render: (kinds: AgencyKind[]) =>
                kinds.length
                  ? `已备案${kinds.map((k) => AGENCY_KIND_NAMES[k]).join('、')}，尚未备案职业技能等级评价机构`
                  : '尚未备案评价机构',
            },
          ]}
        />
      </PageSection>
    </>
  );
}
