import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// paths relative to this file, so the build works from any working directory
const here = (p: string): string => decodeURIComponent(new URL(p, import.meta.url).pathname);

export default defineConfig({
  root: here('.'),
  plugins: [react()],
  build: {
    // FAZHI_WEB_DIST lets parallel checkouts/test runs build into their own directory (the server reads the same variable)
    outDir: process.env.FAZHI_WEB_DIST ?? here('./dist'),
    emptyOutDir: true,
    // antd and react form one shared vendor chunk; pages are split with React.lazy
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
