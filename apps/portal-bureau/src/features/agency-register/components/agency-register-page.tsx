import {
  AGENCY_STATUS_COLOURS,
  graphqlErrorMessage,
  pageVariables,
  readPageCursor,
  withPageCursor,
} from '@skills/graphql-client';
import { CursorPager, ErrorState, PageHeader, PageSection, usePortalPath, formatDate } from '@skills/ui-kit';
import { Alert, Button, Flex, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { regionLabel, useBureauAccount, type BureauAccount } from '../../../components/bureau-account';
import { downloadWorkbook, exportFileName } from '../../../components/workbook';
import { useRegionNames } from '../../filing-review/api/region-names-query';
import {
  allRegisterAgencies,
  useAgencyRegister,
  type RegisterAgency,
  type RegisterFilters,
} from '../api/agency-register-query';

const PAGE_SIZE = 50;

/** 机构名录：本地区已备案（含暂停）的评价机构，进入详情可查看范围、办理记录并开展监督检查 */
export function AgencyRegisterPage() {
  const bureau = useBureauAccount();
  const path = usePortalPath();
  const { regions } = useRegionNames(bureau.cityCode ?? bureau.regionCode);
  // the filters and the page live in the URL: a copied link shows the same list
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const region = params.get('region') || undefined;
  const filters: RegisterFilters = { search: q || null, regionCode: region ?? bureau.regionCode ?? null };
  const { data, previousData, loading, error, refetch } = useAgencyRegister(
    filters,
    pageVariables(readPageCursor(params), PAGE_SIZE),
  );
  const page = (data ?? previousData)?.publicAgencies;
  const rows = page?.edges.map((e) => e.node) ?? [];
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

  const setFilter = (name: 'q' | 'region', value: string | undefined) => {
    const next = withPageCursor(params, {});
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };

  async function exportAll() {
    setExporting(true);
    setExportError(null);
    try {
      const at = new Date();
      await downloadWorkbook(exportFileName('机构名录', at), {
        sheet: '机构名录',
        columns: registerColumns(bureau),
        rows: await allRegisterAgencies(filters),
        criteria: [
          ['管辖地区', bureau.regionName],
          ['机构或院校名称', q],
          ['县（市、区）', region ? regionLabel(bureau, region) : null],
        ],
        at,
      });
    } catch (e) {
      setExportError(graphqlErrorMessage(e));
    } finally {
      setExporting(false);
    }
  }

  return (
    <>
      <PageHeader
        title="机构名录"
        description="已备案和暂停中的评价机构；选择机构查看备案范围、办理记录，记录监督检查结果。"
      />
      <PageSection id="register" title="评价机构">
        <Flex gap={12} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            aria-label="机构或院校名称"
            placeholder="机构或院校名称"
            allowClear
            defaultValue={q}
            onSearch={(v) => setFilter('q', v.trim() || undefined)}
            style={{ maxWidth: 320 }}
          />
          {bureau.isCounty ? null : (
            <Select
              aria-label="县（市、区）"
              placeholder="全部县（市、区）"
              allowClear
              style={{ minWidth: 180 }}
              value={region}
              onChange={(v: string | undefined) => setFilter('region', v)}
              options={regions.map((r) => ({ value: r.code, label: r.name }))}
            />
          )}
          <Button onClick={() => void exportAll()} loading={exporting} disabled={!page?.totalCount}>
            导出 Excel
          </Button>
        </Flex>
        {exportError ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={`导出未成功：${exportError}`}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        {error && !page ? (
          <ErrorState message={graphqlErrorMessage(error)} onRetry={() => void refetch()} />
        ) : null}
        <Table
          rowKey="id"
          size="small"
          loading={loading}
          pagination={false}
          aria-label="评价机构名录"
          dataSource={rows}
          columns={[
            { title: '备案编号', dataIndex: 'filingNumber', width: 170 },
            {
              title: '机构',
              render: (_: unknown, a) => <Link to={path(`agencies/${a.id}`)}>{a.name}</Link>,
            },
            { title: '类型', dataIndex: 'kindName', width: 160 },
            { title: '地区', render: (_: unknown, a) => regionLabel(bureau, a.regionCode), width: 110 },
            {
              title: '状态',
              width: 90,
              render: (_: unknown, a) => <Tag color={AGENCY_STATUS_COLOURS[a.status]}>{a.statusName}</Tag>,
            },
            {
              title: '有效期至',
              width: 130,
              render: (_: unknown, a) => (a.validUntil ? formatDate(a.validUntil) : '—'),
            },
          ]}
        />
        <CursorPager
          summary={page ? `共 ${page.totalCount} 家评价机构` : undefined}
          hasPrevious={Boolean(page?.pageInfo.hasPreviousPage)}
          hasNext={Boolean(page?.pageInfo.hasNextPage)}
          onPrevious={() =>
            setParams(withPageCursor(params, { before: page?.pageInfo.startCursor ?? undefined }))
          }
          onNext={() => setParams(withPageCursor(params, { after: page?.pageInfo.endCursor ?? undefined }))}
        />
      </PageSection>
    </>
  );
}

/** The register's columns in the exported file: what the table shows, and the details a clerk files with it. */
function registerColumns(bureau: BureauAccount) {
  const date = (d: string | null | undefined) => (d ? formatDate(d) : '');
  return [
    { header: '备案编号', width: 22, value: (a: RegisterAgency) => a.filingNumber },
    { header: '机构名称', width: 36, value: (a: RegisterAgency) => a.name },
    { header: '机构类型', width: 22, value: (a: RegisterAgency) => a.kindName },
    { header: '所属院校', width: 28, value: (a: RegisterAgency) => a.institution.name },
    { header: '院校类型', width: 14, value: (a: RegisterAgency) => a.institution.schoolTypeName },
    { header: '地区', width: 16, value: (a: RegisterAgency) => regionLabel(bureau, a.regionCode) },
    { header: '状态', width: 10, value: (a: RegisterAgency) => a.statusName },
    { header: '备案日期', width: 14, value: (a: RegisterAgency) => date(a.validFrom) },
    { header: '有效期至', width: 14, value: (a: RegisterAgency) => date(a.validUntil) },
    { header: '联系地址', width: 30, value: (a: RegisterAgency) => a.address },
    { header: '咨询电话', width: 16, value: (a: RegisterAgency) => a.contactPhone },
  ];
}
