import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The Api run locally (`dotnet run --project src/Api`) listens here in development.
const api = 'http://localhost:5080';

export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    // The Api serves these files at `/`, with a fallback to index.html for client routes.
    outDir: '../Api/wwwroot',
    emptyOutDir: true,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: api, changeOrigin: true },
      '/hubs': { target: api, changeOrigin: true, ws: true },
    },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
    reporters: ['default', './tools/ciSummaryReporter.ts'],
  },
});
