import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Multi-page build into the API's wwwroot: the app serves these files itself (Features/WebUi).
// Hashed assets under /app/assets are cached forever; the HTML pages and /embed.js are revalidated.
const root = import.meta.dirname;

export default defineConfig({
  base: '/app/',
  plugins: [
    {
      // embed.js runs as a classic script on other sites: keep its names out of their global scope.
      name: 'embed-iife',
      renderChunk: (code, chunk) => (chunk.name === 'embed' ? `(function(){${code}})();` : null),
    },
  ],
  build: {
    outDir: resolve(root, '../Deliberation.Api/wwwroot/app'),
    emptyOutDir: true,
    manifest: true,
    target: 'es2020',
    sourcemap: false,
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        home: resolve(root, 'index.html'),
        participant: resolve(root, 'participant.html'),
        admin: resolve(root, 'admin.html'),
        report: resolve(root, 'report.html'),
        embed: resolve(root, 'src/embed.ts'),
      },
      output: {
        // The embed script is referenced by other sites at a fixed address (/embed.js), so it has no hash.
        entryFileNames: (chunk) => (chunk.name === 'embed' ? 'embed.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['tests/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
