import { Grid } from 'antd';

/** phone-width layout: below antd's md breakpoint (768px) */
export function useIsMobile(): boolean {
  const screens = Grid.useBreakpoint();
  // before the first measurement every breakpoint is undefined; fall back to the window width
  if (screens.md === undefined) return typeof window !== 'undefined' && window.innerWidth < 768;
  return !screens.md;
}
