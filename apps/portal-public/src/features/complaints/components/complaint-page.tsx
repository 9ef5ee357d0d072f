import { QUANZHOU_SKILL_CENTRE } from '@skills/domain';
import { graphqlErrorMessage } from '@skills/graphql-client';
import {
  ErrorState,
  formatDateTime,
  LoadingState,
  NotFoundState,
  PageHeader,
  PageSection,
  usePortalPath,
} from '@skills/ui-kit';
import { Alert, Button, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useComplaintAgency, useSubmitComplaint } from '../api/complaint-api';

interface ComplaintValues {
  content: string;
  contact?: string;
}

/** 社会监督：公众对评价机构的投诉举报，由机构所在地的人社、教育部门处理（可匿名） */
export function ComplaintPage() {
  const { agencyId = '' } = useParams();
  const to = usePortalPath();
  const { data, loading, error, refetch } = useComplaintAgency(agencyId);
  const [submit, state] = useSubmitComplaint();
  const [failure, setFailure] = useState<string | null>(null);
  const [form] = Form.useForm<ComplaintValues>();
  const back = <Link to={to('agencies')}>返回评价机构名录</Link>;
  const agency = data?.agency;
  const header = (
    <PageHeader
      title="投诉举报"
      description="对评价机构违规组织评价、乱收费、转包外包等问题的投诉举报，由机构所在地监管部门核实处理。可以匿名。"
      breadcrumb={[{ title: '评价机构名录', path: 'agencies' }, { title: '投诉举报' }]}
      extra={back}
    />
  );
  if (loading && !data)
    return (
      <>
        {header}
        <LoadingState label="正在加载机构信息…" />
      </>
    );
  if (error && !data)
    return <ErrorState message={graphqlErrorMessage(error)} onRetry={() => void refetch()} extra={back} />;
  if (!agency) return <NotFoundState title="未找到该机构" message="该机构不在公开名录中。" extra={back} />;

  const receipt = state.data?.submitComplaint;
  if (receipt)
    return (
      <>
        {header}
        <Result
          status="success"
          title="投诉已受理"
          subTitle={`受理编号 ${receipt.id}，${formatDateTime(receipt.submittedAt)}。由机构所在地监管部门核实处理；留有联系方式的，处理结果将与您联系。`}
          extra={back}
        />
      </>
    );

  async function send(v: ComplaintValues) {
    setFailure(null);
    try {
      await submit({
        variables: { agencyId, content: v.content.trim(), contact: v.contact?.trim() || null },
      });
    } catch (e) {
      setFailure(graphqlErrorMessage(e));
    }
  }

  return (
    <>
      {header}
      <PageSection id="complaint-form" title={`被投诉机构：${agency.name}`}>
        <Typography.Paragraph type="secondary">
          {agency.kindName} · {agency.institution.name}。紧急或其他问题可咨询{QUANZHOU_SKILL_CENTRE.name}（
          {QUANZHOU_SKILL_CENTRE.phone}）。
        </Typography.Paragraph>
        <Form<ComplaintValues>
          form={form}
          layout="vertical"
          onFinish={(v) => void send(v)}
          style={{ maxWidth: 640 }}
        >
          <Form.Item
            label="投诉内容"
            name="content"
            rules={[
              { required: true, whitespace: true, message: '请填写投诉内容' },
              { min: 10, message: '请具体说明投诉的情况（不少于 10 个字）' },
              { max: 1000, message: '投诉内容不能超过 1000 个字' },
            ]}
          >
            <Input.TextArea rows={6} showCount maxLength={1000} />
          </Form.Item>
          <Form.Item
            label="联系方式（可不填）"
            name="contact"
            extra="手机号、固定电话或电子邮箱；仅处理部门可见"
          >
            <Input maxLength={50} />
          </Form.Item>
          {failure ? (
            <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 16 }} />
          ) : null}
          <Button type="primary" htmlType="submit" loading={state.loading}>
            提交投诉
          </Button>
        </Form>
      </PageSection>
    </>
  );
}
