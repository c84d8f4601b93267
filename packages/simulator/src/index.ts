export { DEFAULT_CUSTOMER_ID, DEFAULT_SECRET_KEY, startFlinksSimulator } from './start-simulator';
export type { FlinksSimulator, SimulatorDataOptions, SimulatorOptions } from './start-simulator';
export type { DataFailure, DataFailureCode, SimulatorFaults } from './faults';
export type { SimulatorDataStats } from './simulator-context';
export type { WebhookAttempt, WebhookDelivery, WebhookOptions } from './webhook-sender';
export type { SimulatorStats } from './token-ledger';
export { renderStaticConnectPage } from './connect-page/render';
export { connectPageDir } from './connect-page-dir';
export {
  SANDBOX_ACCOUNTS,
  SANDBOX_INSTITUTIONS,
  SANDBOX_LOGINS,
  SANDBOX_PASSWORD,
  SANDBOX_SECURITY_QUESTION,
} from './sandbox-data';
export type {
  Localized,
  SandboxAccount,
  SandboxInstitution,
  SandboxLanguage,
  SandboxLogin,
  SandboxLoginOutcome,
  SandboxSecurityQuestion,
} from './sandbox-data';
