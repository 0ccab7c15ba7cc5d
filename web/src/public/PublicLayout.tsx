import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { publicNav } from '../modules/index.ts';
import './public.css';

/** the government website frame around the public pages (no login) */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div className="fz-public">
      <header className="fz-public-top">
        <div className="fz-public-top-inner">
          <div className="fz-public-emblem" aria-hidden>
            政
          </div>
          <div>
            <div className="fz-public-site">演示县人民政府 · 政务公开</div>
            <div className="fz-public-sub">法治政府建设 · 政府信息公开</div>
          </div>
        </div>
      </header>
      <nav className="fz-public-nav" aria-label="栏目导航">
        <div className="fz-public-nav-inner">
          {publicNav.map((n) => (
            <NavLink key={n.path} to={n.path} end={n.path === '/public'}>
              {n.label}
            </NavLink>
          ))}
        </div>
      </nav>
      <main className="fz-public-main">{children}</main>
      <footer className="fz-public-footer">
        <div>主办：演示县人民政府办公室　承办：演示县司法局</div>
        <div>本站为演示环境，所载数据均为虚构</div>
      </footer>
    </div>
  );
}
