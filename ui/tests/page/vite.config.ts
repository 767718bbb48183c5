// Builds tests/page (the app's page over the fake backend) into ui/dist-page,
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
    rollupOptions: { input: here("index.html") },
  },
});
