import { graphqlErrorMessage } from '@skills/graphql-client';
import { PageHeader, PageSection } from '@skills/ui-kit';
import { Alert, Button, Descriptions, Form, Input, Radio, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { VerifyCertificateQuery } from '../../../generated/graphql';
import { useVerifyCertificate } from '../api/verify-certificate-query';
import {
  ID_NUMBER_SHAPE,
  initialValues,
  isRevoked,
  levelText,
  normalizeNumber,
  notFoundMessage,
  occupationText,
  statusText,
  verifyVariables,
  type VerifyValues,
} from '../utils/verification';

type Found = NonNullable<VerifyCertificateQuery['verifyCertificate']>;
type Outcome =
  | { kind: 'found'; certificate: Found }
  | { kind: 'notFound'; message: string }
  | { kind: 'failed'; message: string };

/**
 * 证书查询 (public, mobile-first): the landing page of the QR code printed on a certificate
 * (`…/public/verify?number=…` fills the number in); the holder's name — or ID number — must be given too.
 */
export function VerifyCertificatePage() {
  const [params] = useSearchParams();
  const [form] = Form.useForm<VerifyValues>();
  const by = Form.useWatch('by', form) ?? 'name';
  const [run, { loading }] = useVerifyCertificate();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function verify(values: VerifyValues) {
    setOutcome(null);
    try {
      const r = await run({ variables: verifyVariables(values) });
      if (r.error) setOutcome({ kind: 'failed', message: graphqlErrorMessage(r.error) });
      else if (r.data?.verifyCertificate)
        setOutcome({ kind: 'found', certificate: r.data.verifyCertificate });
      else setOutcome({ kind: 'notFound', message: notFoundMessage(values.by) });
    } catch (e) {
      setOutcome({ kind: 'failed', message: graphqlErrorMessage(e) });
    }
  }

  return (
    <>
      <PageHeader
        title="证书查询"
        description="核验职业技能等级证书、专项职业能力证书的真伪：输入证书编号和持证人姓名（或身份证号）。"
      />
      <PageSection id="verify-form" title="查询条件">
        <Form<VerifyValues>
          form={form}
          layout="vertical"
          initialValues={initialValues(params)}
          onFinish={(v) => void verify(v)}
          style={{ maxWidth: 480 }}
        >
          <Form.Item
            label="证书编号"
            name="number"
            normalize={(v: string) => normalizeNumber(v)}
            rules={[{ required: true, message: '请填写证书编号' }]}
          >
            <Input maxLength={40} autoComplete="off" inputMode="text" size="large" />
          </Form.Item>
          <Form.Item label="核对方式" name="by">
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: 'name', label: '姓名' },
                { value: 'idNumber', label: '身份证号' },
              ]}
            />
          </Form.Item>
          {by === 'idNumber' ? (
            <Form.Item
              label="持证人身份证号"
              name="idNumber"
              rules={[
                { required: true, message: '请填写持证人身份证号' },
                { pattern: ID_NUMBER_SHAPE, message: '身份证号应为 18 位' },
              ]}
            >
              <Input maxLength={18} autoComplete="off" size="large" />
            </Form.Item>
          ) : (
            <Form.Item
              label="持证人姓名"
              name="name"
              rules={[{ required: true, whitespace: true, message: '请填写持证人姓名' }]}
            >
              <Input maxLength={50} autoComplete="off" size="large" />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={loading} size="large" block>
            查询
          </Button>
        </Form>
      </PageSection>
      {outcome?.kind === 'notFound' || outcome?.kind === 'failed' ? (
        <Alert
          type={outcome.kind === 'notFound' ? 'warning' : 'error'}
          showIcon
          role="alert"
          title={outcome.message}
          style={{ maxWidth: 480, marginTop: 16 }}
        />
      ) : null}
      {outcome?.kind === 'found' ? <CertificateCard certificate={outcome.certificate} /> : null}
    </>
  );
}

function CertificateCard({ certificate: c }: { certificate: Found }) {
  const revoked = isRevoked(c);
  return (
    <PageSection id="verify-result" title="查询结果">
      {revoked ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={`该证书已撤销${c.revokedOn ? `（${c.revokedOn}）` : ''}，不再有效`}
          style={{ maxWidth: 480, marginBottom: 16 }}
        />
      ) : null}
      <Descriptions
        bordered
        column={1}
        size="small"
        style={{ maxWidth: 480 }}
        items={[
          {
            key: 'number',
            label: '证书编号',
            children: <span style={{ wordBreak: 'break-all' }}>{c.number}</span>,
          },
          { key: 'kind', label: '证书类别', children: c.kindName },
          { key: 'holder', label: '持证人', children: c.holderName },
          { key: 'id', label: '身份证号', children: c.idNumber },
          { key: 'occupation', label: '职业（工种）', children: occupationText(c) },
          { key: 'level', label: '等级', children: levelText(c) },
          { key: 'issuer', label: '发证机构', children: c.issuerName },
          { key: 'issued', label: '发证日期', children: c.issuedOn },
          {
            // solid dark colours: white text on them meets the contrast ratio (antd's light presets do not)
            key: 'status',
            label: '状态',
            children: <Tag color={revoked ? '#a8071a' : '#237804'}>{statusText(c)}</Tag>,
          },
        ]}
      />
    </PageSection>
  );
}
