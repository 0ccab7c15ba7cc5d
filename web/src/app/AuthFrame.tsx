import type { ReactNode } from 'react';
import { PRODUCT_NAME } from './AppLayout.tsx';

/** the frame of the pages before the shell: login and the forced password change */
export function AuthFrame({ children, width = 420 }: { children: ReactNode; width?: number }) {
  return (
    <div className="fz-login">
      <main className="fz-login-main">
        <div style={{ width: '100%', maxWidth: width }}>
          <div className="fz-login-title">
            <span className="fz-seal" aria-hidden>
              法
            </span>
            <h1 style={{ margin: 0, font: 'inherit', color: 'inherit' }}>{PRODUCT_NAME}</h1>
          </div>
          {children}
        </div>
      </main>
    </div>
  );
}
