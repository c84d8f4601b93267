/**
 * `@flinks-embed/simulator/sandbox`: the sandbox bank as a person sees it (each screen's labels in
 * each language, the test logins) and the Connect steps its happy path posts. Plain data, no
 * Playwright and no Node built-ins, so tests in jsdom, Storybook play functions in the browser and
 * Node scripts all read the same table; `@flinks-embed/simulator/playwright` re-exports it.
 */
export {
  SANDBOX_BANK_LABELS,
  SANDBOX_BANK_LOGIN,
  SANDBOX_HAPPY_PATH,
  sandboxHappyPath,
  type SandboxBankLabels,
  type SandboxBankLanguage,
  type SandboxBankScreen,
} from './playwright-steps';
