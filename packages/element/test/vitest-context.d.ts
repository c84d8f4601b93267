// The root vite.config.ts provides this to every project; declared here too so this package's
// typecheck (which does not include the root config) knows the shape of `inject('chromium')`.
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: { executablePath: string; args: string[] };
  }
}
