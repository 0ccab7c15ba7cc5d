import type { ThemeConfig } from 'antd';

export const BRAND = {
  primary: '#1d4ed8',
  header: '#1e3a8a',
  seal: '#b91c1c',
  page: '#f3f5f9',
};

const FONT = "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Hiragino Sans GB', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** a restrained government look: deep blue, square-ish corners, no gradients */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND.primary,
    colorInfo: BRAND.primary,
    colorError: '#c62828',
    colorWarning: '#d97706',
    colorSuccess: '#15803d',
    // antd derives too grey a background from this green; name the light tints explicitly
    colorSuccessBg: '#f0fdf4',
    colorSuccessBorder: '#bbf7d0',
    colorBgLayout: BRAND.page,
    borderRadius: 4,
    fontFamily: FONT,
    fontSize: 14,
  },
  components: {
    Layout: { headerBg: BRAND.header, headerHeight: 56, headerPadding: '0 16px', siderBg: '#ffffff', bodyBg: BRAND.page },
    Menu: { itemBorderRadius: 4, itemMarginInline: 8, groupTitleColor: '#6b7280' },
    Card: { headerFontSize: 15 },
    Table: { headerBg: '#f5f7fb' },
  },
};
