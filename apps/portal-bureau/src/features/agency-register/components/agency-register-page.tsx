import { AGENCY_STATUS_COLOURS, graphqlErrorMessage } from '@skills/graphql-client';
import { ErrorState, PageHeader, PageSection, usePortalPath, formatDate } from '@skills/ui-kit';
import { Flex, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { regionLabel, useBureauAccount } from '../../../components/bureau-account';
import { useRegionNames } from '../../filing-review/api/region-names-query';
import { useAgencyRegister } from '../api/agency-register-query';

/** 机构名录：本地区已备案（含暂停）的评价机构，进入详情可查看范围、办理记录并开展监督检查 */
export function AgencyRegisterPage() {
  const bureau = useBureauAccount();
  const path = usePortalPath();
  const { regions } = useRegionNames(bureau.cityCode ?? bureau.regionCode);
  const [search, setSearch] = useState('');
  const [region, setRegion] = useState<string | undefined>(undefined);
  const { data, loading, error, refetch } = useAgencyRegister({
    search,
    regionCode: region ?? bureau.regionCode,
  });
  const rows = data?.publicAgencies.edges.map((e) => e.node) ?? [];
  return (
    <>
      <PageHeader
        title="机构名录"
        description="已备案和暂停中的评价机构；选择机构查看备案范围、办理记录，记录监督检查结果。"
      />
      <PageSection id="register" title={`评价机构（${data?.publicAgencies.totalCount ?? 0} 家）`}>
        <Flex gap={12} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            aria-label="机构或院校名称"
            placeholder="机构或院校名称"
            allowClear
            onSearch={setSearch}
            style={{ maxWidth: 320 }}
          />
          {bureau.isCounty ? null : (
            <Select
              aria-label="县（市、区）"
              placeholder="全部县（市、区）"
              allowClear
              style={{ minWidth: 180 }}
              value={region}
              onChange={setRegion}
              options={regions.map((r) => ({ value: r.code, label: r.name }))}
            />
          )}
        </Flex>
        {error && !data ? (
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
      </PageSection>
    </>
  );
}
