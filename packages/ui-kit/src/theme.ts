import type { ThemeConfig } from 'antd';

/**
 * The platform theme. The primary blue is darker than antd's default so links and primary buttons keep a
 * contrast ratio of at least 4.5:1 on white (WCAG AA); the same for the error red.
 */
export const platformTheme: ThemeConfig = {
  token: {
    colorPrimary: '#0b57d0',
    // hover and press go darker, not lighter (antd's derived hover blue fails 4.5:1 under white button text)
    colorPrimaryHover: '#0842a0',
    colorPrimaryActive: '#062f73',
    colorLink: '#0b57d0',
    colorLinkHover: '#0842a0',
    colorLinkActive: '#062f73',
    // darker than antd's red so danger buttons and error text keep 4.5:1 on white
    colorError: '#c41d1f',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif",
  },
  components: {
    Layout: { headerBg: '#0b3d91', headerColor: '#ffffff' },
  },
};
