import { defineConfig } from "vitest/config";

export default defineConfig({
  clearScreen: false,
  // The logo comes from the repository's icons/, beside ui/.
  server: { port: 5173, strictPort: true, fs: { allow: [".", "../icons"] } },
  build: { target: "safari15", outDir: "dist", emptyOutDir: true },
  test: { environment: "jsdom", include: ["tests/**/*.test.ts"], setupFiles: ["tests/setup.ts"] },
});
