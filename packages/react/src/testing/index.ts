// `@flinks-embed/react/testing`: the Connect frame, played for an app's unit tests. Not part of the
// main entry: an app's bundle never contains it.
export { createConnectKit } from './connect-kit';
export type {
  CompleteFlowOptions,
  ConnectKit,
  ConnectKitOptions,
  ConnectLoad,
  FrameTarget,
  StepPayload,
  TokenRequest,
} from './connect-kit';
