import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig, type Plugin } from 'vite'
import { CONTENT_SECURITY_POLICY } from './src/shared/csp'
import packageJson from './package.json' with { type: 'json' }

/** Adds the CSP meta tag to the built page only: the dev server injects inline styles. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    // Electronegativity calls script-src 'self' "maybe weak" (a risk for JSONP or uploaded
    // files, which this app has neither of); its exception comment must share the tag's line.
    transformIndexHtml: (html) =>
      html.replace(
        '<head>',
        `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" /><!-- eng-disable CSP_GLOBAL_CHECK -->`,
      ),
  }
}

export default defineConfig({
  // Relative asset paths so the same build loads over http:// and file://.
  base: './',
  plugins: [vue(), contentSecurityPolicy()],
  define: { __APP_VERSION__: JSON.stringify(packageJson.version) },
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', assetsInlineLimit: 0 },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
})
