import { QUANZHOU_SKILL_CENTRE, regionShortName } from '@skills/domain';
import {
  AGENCY_STATUS_COLOURS,
  graphqlErrorMessage,
  pageVariables,
  withPageCursor,
} from '@skills/graphql-client';
import {
  CursorPager,
  ErrorState,
  PageHeader,
  PageSection,
  ResponsiveTable,
  scopeItemText,
  type ScopeItemLike,
  formatDate,
  useSmallScreen,
  usePortalPath,
} from '@skills/ui-kit';
import { Button, Flex, Form, Input, Select, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useAgencyFilterOptions } from '../api/agency-filter-options-query';
import { usePublicAgencies } from '../api/public-agencies-query';
import { isScopeCode, readAgencySearch, writeAgencySearch, type AgencySearch } from '../utils/agency-search';

const PAGE_SIZE = 20;

/** 评价机构名录（公开）：已备案的评价机构，可按名称、地区、职业检索，显示备案范围 */
export function AgencyDirectoryPage() {
  const [params, setParams] = useSearchParams();
  const { search, cursor } = readAgencySearch(params);
  const byName = search.occupation && !isScopeCode(search.occupation) ? search.occupation : null;
  const options = useAgencyFilterOptions(byName);
  const found = options.data?.occupations?.edges[0]?.node;
  const occupationCode = search.occupation
    ? byName
      ? (found?.code ?? (options.loading ? null : '-'))
      : search.occupation
    : null;
  const waiting = Boolean(byName) && options.loading;
  const { data, previousData, loading, error, refetch } = usePublicAgencies(
    { search: search.q || null, regionCode: search.region || null, occupationCode },
    pageVariables(cursor, PAGE_SIZE),
  );
  const shown = data ?? previousData;
  const page = shown?.publicAgencies;
  const regionNames = new Map(options.data?.regions.map((r) => [r.code, r.name]) ?? []);
  const [form] = Form.useForm<AgencySearch>();
  const small = useSmallScreen();
  const to = usePortalPath();

  return (
    <>
      <PageHeader
        title="评价机构名录"
        description="经人力资源社会保障部门备案的职业技能等级评价机构、职业技能考核鉴定机构及其备案范围，接受社会监督。"
      />
      <Typography.Paragraph>
        报名、考核事宜请联系机构；机构未登记联系方式或有其他问题的，可咨询{QUANZHOU_SKILL_CENTRE.name}（电话{' '}
        <a href={`tel:${QUANZHOU_SKILL_CENTRE.phone}`} style={{ textDecoration: 'underline' }}>
          {QUANZHOU_SKILL_CENTRE.phone}
        </a>
        ）。
      </Typography.Paragraph>
      <PageSection id="agency-search" title="检索条件">
        <Form<AgencySearch>
          form={form}
          layout={small ? 'vertical' : 'inline'}
          initialValues={search}
          onFinish={(v) =>
            setParams(
              writeAgencySearch({ q: v.q ?? '', region: v.region ?? '', occupation: v.occupation ?? '' }),
            )
          }
        >
          <Flex gap={12} wrap align={small ? 'stretch' : 'flex-end'} vertical={small}>
            <Form.Item label="机构名称" name="q">
              <Input allowClear placeholder="机构或院校名称" />
            </Form.Item>
            <Form.Item label="地区" name="region">
              <Select
                aria-label="地区"
                allowClear
                placeholder="泉州市全部"
                style={{ minWidth: 160 }}
                options={[
                  { value: '', label: '泉州市全部' },
                  ...(options.data?.regions.map((r) => ({ value: r.code, label: r.name })) ?? []),
                ]}
              />
            </Form.Item>
            <Form.Item label="职业（工种）" name="occupation">
              <Input allowClear placeholder="名称或编码，如 电工" />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              检索
            </Button>
          </Flex>
        </Form>
        {byName && !options.loading ? (
          <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
            {found ? `按职业：${found.name}（${found.code}）` : `目录中没有名为“${byName}”的职业`}
          </Typography.Paragraph>
        ) : null}
        {occupationCode && !byName ? (
          <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
            {`按职业：${scopeNameIn(page?.edges.map((e) => e.node) ?? [], occupationCode) ?? ''}（${occupationCode}）`}
          </Typography.Paragraph>
        ) : null}
      </PageSection>
      <PageSection id="agency-results" title="检索结果">
        {error && !shown ? (
          <ErrorState message={graphqlErrorMessage(error)} onRetry={() => void refetch()} />
        ) : (
          <>
            <ResponsiveTable
              rowKey="id"
              loading={loading || waiting}
              pagination={false}
              aria-label="评价机构"
              emptyText="没有符合条件的评价机构"
              dataSource={page?.edges.map((e) => e.node) ?? []}
              cardTitle={(a) => (
                <>
                  {a.name}
                  <div style={{ fontWeight: 'normal' }}>
                    {a.kindName} · {a.institution.name}
                  </div>
                  <AgencyContact address={a.address} phone={a.contactPhone} />
                </>
              )}
              cardOmit={['agency']}
              columns={[
                {
                  key: 'agency',
                  title: '机构',
                  render: (_: unknown, a) => (
                    <>
                      <Typography.Text strong>{a.name}</Typography.Text>
                      <div>
                        {a.kindName} · {a.institution.name}
                      </div>
                      <AgencyContact address={a.address} phone={a.contactPhone} />
                    </>
                  ),
                },
                { title: '备案编号', dataIndex: 'filingNumber', width: 170 },
                {
                  title: '地区',
                  width: 90,
                  render: (_: unknown, a) => regionNames.get(a.regionCode) ?? regionShortName(a.regionCode),
                },
                {
                  title: '备案范围',
                  render: (_: unknown, a) => (
                    <ul style={{ margin: 0, paddingInlineStart: 18 }} aria-label={`${a.name} 备案范围`}>
                      {a.scope.map((s) => (
                        <li key={s.occupationCode}>{scopeItemText(s)}</li>
                      ))}
                    </ul>
                  ),
                },
                {
                  title: '状态',
                  width: 120,
                  render: (_: unknown, a) => (
                    <>
                      <Tag color={AGENCY_STATUS_COLOURS[a.status]}>{a.statusName}</Tag>
                      {a.validUntil ? <div>至 {formatDate(a.validUntil)}</div> : null}
                      <div>
                        <Link to={to(`agencies/${a.id}/complaint`)} aria-label={`投诉举报：${a.name}`}>
                          投诉举报
                        </Link>
                      </div>
                    </>
                  ),
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
              onNext={() =>
                setParams(withPageCursor(params, { after: page?.pageInfo.endCursor ?? undefined }))
              }
            />
          </>
        )}
      </PageSection>
    </>
  );
}

/** 联系地址、咨询电话（机构自行登记；未登记时名录上方有市人社局的咨询电话） */
function AgencyContact({ address, phone }: { address?: string | null; phone?: string | null }) {
  if (!address && !phone) return null;
  return (
    <div style={{ fontWeight: 'normal' }}>
      {address ? <span>地址：{address}</span> : null}
      {address && phone ? '　' : null}
      {phone ? (
        <span>
          电话：
          <a href={`tel:${phone}`} style={{ textDecoration: 'underline' }}>
            {phone}
          </a>
        </span>
      ) : null}
    </div>
  );
}

/** The catalogue's name of a scope code, as the listed agencies' scope items carry it (a link by code has no name). */
function scopeNameIn(
  agencies: readonly { scope: readonly ScopeItemLike[] }[],
  code: string,
): string | undefined {
  for (const a of agencies) {
    const s = a.scope.find((item) => item.occupationCode === code);
    const name = s?.occupation?.name ?? s?.specialAbilityProject?.name;
    if (name) return name;
  }
  return undefined;
}
