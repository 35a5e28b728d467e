import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import tailwindcss from '@tailwindcss/vite'

// The build is what BaaS.Ui embeds and serves: two pages sharing their scripts under /admin-ui/assets, the Admin UI
// (index.html, at /admin-ui) and the API Explorer (ui.html, at /ui): BAAS_UI_OUT_DIR lets the check-the-build test write
// elsewhere and compare. No inline scripts (the page's CSP forbids them) and no sourcemaps in the served assets.
export default defineConfig({
  base: '/admin-ui/',
  plugins: [vue(), tailwindcss()],
  build: {
    outDir: process.env.BAAS_UI_OUT_DIR ?? '../wwwroot/admin-ui',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    sourcemap: false,
    chunkSizeWarningLimit: 300,
    rollupOptions: { input: { admin: 'index.html', ui: 'ui.html' } },
  },
})
