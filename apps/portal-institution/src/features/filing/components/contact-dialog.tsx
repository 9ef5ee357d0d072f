import { graphqlErrorMessage } from '@skills/graphql-client';
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useUpdateAgencyContact } from '../api/update-agency-contact-mutation';

export interface ContactTarget {
  agencyId: string;
  agencyName: string;
  address?: string | null;
  contactPhone?: string | null;
}

interface ContactValues {
  address?: string;
  contactPhone?: string;
}

/** 联系方式：考生在评价机构名录中看到的地址和咨询电话 */
export function ContactDialog({ target, onClose }: { target: ContactTarget; onClose: () => void }) {
  const [form] = Form.useForm<ContactValues>();
  const [update, state] = useUpdateAgencyContact();
  const [failure, setFailure] = useState<string | null>(null);

  async function save() {
    const v = await form.validateFields();
    setFailure(null);
    try {
      await update({
        variables: {
          agencyId: target.agencyId,
          address: v.address ?? null,
          contactPhone: v.contactPhone ?? null,
        },
      });
      onClose();
    } catch (e) {
      setFailure(graphqlErrorMessage(e));
    }
  }

  return (
    <Modal
      open
      title={`联系方式：${target.agencyName}`}
      okText="保存"
      cancelText="取消"
      confirmLoading={state.loading}
      onOk={() => void save()}
      onCancel={onClose}
    >
      <p>地址和咨询电话在评价机构名录中公开显示，供考生咨询报名、考核事宜。</p>
      <Form<ContactValues>
        form={form}
        layout="vertical"
        initialValues={{ address: target.address ?? '', contactPhone: target.contactPhone ?? '' }}
      >
        <Form.Item
          label="联系地址"
          name="address"
          rules={[{ max: 200, message: '联系地址不能超过 200 个字' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          label="咨询电话"
          name="contactPhone"
          extra="手机号码，或带区号的固定电话，如 0595-22274285"
          rules={[{ max: 30, message: '咨询电话不能超过 30 个字' }]}
        >
          <Input inputMode="tel" />
        </Form.Item>
      </Form>
      {failure ? <Alert type="error" showIcon role="alert" title={failure} /> : null}
    </Modal>
  );
}
