import { session, SessionError, useSession } from '@skills/graphql-client';
import { PageHeader } from '@skills/ui-kit';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';

interface Credentials {
  username: string;
  password: string;
}

/** Only paths inside the shell may be returned to after sign-in (never another origin). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** 登录：用户名 + 密码；失败时显示服务端的中文提示（如账号锁定） */
export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { account } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  async function submit(values: Credentials) {
    setBusy(true);
    setError(null);
    try {
      await session.signIn(values.username.trim(), values.password);
      navigate(next, { replace: true });
    } catch (e) {
      setError(e instanceof SessionError ? e.message : '登录失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ maxWidth: 420, margin: '24px auto' }}>
      <PageHeader title="登录" description="请使用平台分配的账号登录。" />
      {account && !busy ? (
        // one session per browser (ADR 0010): signing in here replaces it in every tab
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`当前已登录：${account.displayName}`}
          description={
            <>
              使用其他账号登录将替换当前登录。<Link to={next}>继续使用当前账号</Link>
            </>
          }
        />
      ) : null}
      <Card>
        <Form<Credentials> layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          {error ? (
            <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />
          ) : null}
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
