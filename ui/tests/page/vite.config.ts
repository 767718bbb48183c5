// Builds the app's page over the fake backend (page.ts) into ui/dist-page,
// for the Chromium scenarios: `npx vite build --config tests/page/vite.config.ts`.
import { defineConfig } from "vite";

const here = (path: string) => decodeURIComponent(new URL(path, import.meta.url).pathname);

export default defineConfig({
  root: here("../.."),
  clearScreen: false,
  logLevel: "warn",
  build: {
    // What WebView2 ships is a current Chromium.
    target: "chrome120",
    outDir: "dist-page",
    emptyOutDir: true,
    rollupOptions: { input: here("../../index.html") },
  },
  // The app's own index.html, with this page's script in place of main.ts.
  plugins: [
    {
      name: "fake-backend-page",
      transformIndexHtml: {
        order: "pre",
        handler: (html) => {
          if (!html.includes('src="/src/main.ts"')) throw new Error("ui/index.html no longer loads /src/main.ts");
          return html.replace('src="/src/main.ts"', 'src="/tests/page/page.ts"');
        },
      },
    },
  ],
});
