import { graphqlErrorMessage } from '@skills/graphql-client';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useRegisterAssessor } from '../api/register-assessor-mutation';
import {
  assessorVariables,
  CONFLICT_TYPE_LABELS,
  CONFLICT_TYPES,
  SKILL_LEVEL_OPTIONS,
  type AssessorDraft,
} from '../utils/assessor';

const CONFLICT_OPTIONS = CONFLICT_TYPES.map((t) => ({ value: t, label: CONFLICT_TYPE_LABELS[t] }));

/** 登记考评员：姓名、身份证号、手机号、一项或多项资格（职业编码 + 等级）、可选的回避关系 */
export function AssessorForm({ agencyId }: { agencyId: string }) {
  const [form] = Form.useForm<AssessorDraft>();
  const [register, { loading }] = useRegisterAssessor();
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function submit(draft: AssessorDraft) {
    setFailure(null);
    setNotice(null);
    try {
      const v = assessorVariables(draft);
      const result = await register({ variables: { agencyId, ...v } });
      setNotice(`已登记考评员 ${result.data?.registerAssessor.name ?? v.name}。`);
      form.resetFields();
    } catch (e) {
      setFailure(graphqlErrorMessage(e));
    }
  }

  return (
    <Form
      form={form}
      name="assessor"
      layout="vertical"
      requiredMark
      initialValues={{ qualifications: [{}], conflicts: [] }}
      onFinish={(draft) => void submit(draft)}
    >
      <Flex gap={16} wrap>
        <Form.Item
          label="姓名"
          name="name"
          rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
          style={{ minWidth: 200 }}
        >
          <Input autoComplete="off" maxLength={30} />
        </Form.Item>
        <Form.Item
          label="身份证号"
          name="idNumber"
          rules={[{ required: true, whitespace: true, message: '请填写身份证号' }]}
          style={{ minWidth: 260 }}
        >
          <Input autoComplete="off" maxLength={18} />
        </Form.Item>
        <Form.Item label="手机号" name="phone" style={{ minWidth: 200 }}>
          <Input autoComplete="off" inputMode="numeric" maxLength={11} />
        </Form.Item>
      </Flex>

      <Typography.Title level={3} style={{ fontSize: 16 }}>
        考评资格
      </Typography.Title>
      <Form.List name="qualifications">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Flex key={field.key} gap={16} wrap align="flex-end" role="group" aria-label={`资格 ${i + 1}`}>
                <Form.Item
                  label="职业（工种）编码"
                  name={[field.name, 'occupationCode']}
                  rules={[{ required: true, whitespace: true, message: '请填写职业（工种）编码' }]}
                  style={{ minWidth: 200 }}
                >
                  <Input placeholder="如 6-31-01-03" autoComplete="off" />
                </Form.Item>
                <Form.Item
                  label="等级"
                  name={[field.name, 'level']}
                  rules={[{ required: true, message: '请选择等级' }]}
                  style={{ minWidth: 180 }}
                >
                  <Select options={SKILL_LEVEL_OPTIONS} placeholder="请选择" />
                </Form.Item>
                {fields.length > 1 ? (
                  <Form.Item>
                    <Button
                      icon={<MinusCircleOutlined aria-hidden />}
                      onClick={() => remove(field.name)}
                      aria-label={`删除资格 ${i + 1}`}
                    />
                  </Form.Item>
                ) : null}
              </Flex>
            ))}
            <Form.Item>
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({})}>
                增加资格
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>

      <Typography.Title level={3} style={{ fontSize: 16 }}>
        回避关系（可选）
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        考评员是考生的任课教师或亲属时须回避；身份证号用于核对考生，可不填。
      </Typography.Paragraph>
      <Form.List name="conflicts">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Flex
                key={field.key}
                gap={16}
                wrap
                align="flex-end"
                role="group"
                aria-label={`回避关系 ${i + 1}`}
              >
                <Form.Item
                  label="关系"
                  name={[field.name, 'type']}
                  rules={[{ required: true, message: '请选择关系' }]}
                  style={{ minWidth: 160 }}
                >
                  <Select options={CONFLICT_OPTIONS} placeholder="请选择" />
                </Form.Item>
                <Form.Item
                  label="对方姓名"
                  name={[field.name, 'personName']}
                  rules={[{ required: true, whitespace: true, message: '请填写对方姓名' }]}
                  style={{ minWidth: 180 }}
                >
                  <Input autoComplete="off" />
                </Form.Item>
                <Form.Item
                  label="对方身份证号"
                  name={[field.name, 'personIdNumber']}
                  style={{ minWidth: 240 }}
                >
                  <Input autoComplete="off" maxLength={18} />
                </Form.Item>
                <Form.Item>
                  <Button
                    icon={<MinusCircleOutlined aria-hidden />}
                    onClick={() => remove(field.name)}
                    aria-label={`删除回避关系 ${i + 1}`}
                  />
                </Form.Item>
              </Flex>
            ))}
            <Form.Item>
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ type: 'TEACHER_OF' })}>
                增加回避关系
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>

      {failure ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title="登记未成功"
          description={failure}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {notice ? (
        <Alert type="success" showIcon role="status" title={notice} style={{ marginBottom: 16 }} />
      ) : null}
      <Button type="primary" htmlType="submit" loading={loading}>
        登记考评员
      </Button>
    </Form>
  );
}
