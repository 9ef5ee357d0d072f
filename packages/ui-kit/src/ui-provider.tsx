import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { platformTheme } from './theme';

/** antd in Chinese (zh-CN) with the platform theme. Wraps the shell and every standalone portal. */
export function UiProvider({ children }: { children?: ReactNode }) {
  return (
    // no space inserted between two Chinese characters: a button's visible text stays its accessible name
    <ConfigProvider locale={zhCN} theme={platformTheme} button={{ autoInsertSpace: false }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
