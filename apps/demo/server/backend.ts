import { createFlinksClient, type FlinksClient } from '@flinks-embed/server';
import {
  SANDBOX_INSTITUTIONS,
  SANDBOX_LOGINS,
  SANDBOX_SECURITY_QUESTION,
  startFlinksSimulator,
  type FlinksSimulator,
  type SimulatorOptions,
} from '@flinks-embed/simulator';
import type { DemoConfig, SandboxHint } from '../shared/demo-api';

/** Real Flinks credentials, read from the environment. */
export interface FlinksCredentials {
  instance: string;
  customerId: string;
  secretKey: string;
  /** `FLINKS_API_KEY`: the `x-api-key` of the data endpoints, when Flinks enabled it on the instance. */
  apiKey?: string;
}

/** How the Review step waits for the data. */
export interface DataTiming {
  /** Between Flinks' 202s; absent: the client's default, 10 s, as Flinks asks. */
  pollIntervalMs?: number;
  /** Between two looks of the page at its pending job. */
  pagePollMs: number;
}

/** Where tokens and data come from: the local simulator, or a real Flinks instance. */
export type Backend =
  | {
      kind: 'simulator';
      flinks: FlinksClient;
      simulator: FlinksSimulator;
      config: DemoConfig;
      data: DataTiming;
    }
  | { kind: 'flinks'; flinks: FlinksClient; simulator: null; config: DemoConfig; data: DataTiming };

/**
 * The simulator answers 202 this many times before the data (Flinks does at least once), so the
 * page's "still gathering" state is seen on every run; and quickly, since nothing real is waited for.
 */
const SIMULATOR_DATA = { pendingPolls: 2 } as const;
const SIMULATOR_TIMING: DataTiming = { pollIntervalMs: 400, pagePollMs: 250 };
const FLINKS_TIMING: DataTiming = { pagePollMs: 2000 };

/** Flinks' documented lifetime, which the simulator also uses unless told otherwise. */
const SIMULATOR_DEFAULT_LIFETIME_MS = 30 * 60 * 1000;

const ENV_NAMES = ['FLINKS_INSTANCE', 'FLINKS_CUSTOMER_ID', 'FLINKS_SECRET_KEY'] as const;

/**
 * The real-Flinks credentials when all three variables are set, `null` when none is (simulator
 * mode). Some but not all is a mistake worth stopping for: silently falling back to the simulator
 * would hide it.
 */
export function readFlinksCredentials(env: Record<string, string | undefined>): FlinksCredentials | null {
  const [instance, customerId, secretKey] = ENV_NAMES.map((name) => env[name]?.trim() || undefined);
  const missing = ENV_NAMES.filter((_, index) => ![instance, customerId, secretKey][index]);
  if (missing.length === ENV_NAMES.length) return null;
  if (!instance || !customerId || !secretKey) {
    throw new Error(
      `Set all of ${ENV_NAMES.join(', ')} to use real Flinks (missing: ${missing.join(', ')}), ` +
        'or none of them to use the local simulator. See apps/demo/.env.example.',
    );
  }
  const apiKey = env.FLINKS_API_KEY?.trim();
  return apiKey ? { instance, customerId, secretKey, apiKey } : { instance, customerId, secretKey };
}

/** Flinks' sandbox bank, as the simulator models it (the same logins work on `toolbox`). */
function sandboxHint(language: 'en' = 'en'): SandboxHint {
  const login = SANDBOX_LOGINS.find((candidate) => candidate.outcome === 'mfa') ?? SANDBOX_LOGINS[0]!;
  const institution =
    SANDBOX_INSTITUTIONS.find((candidate) => candidate.demoOnly) ?? SANDBOX_INSTITUTIONS[0]!;
  return {
    institution: institution.name[language],
    username: login.username,
    password: login.password,
    securityQuestion: SANDBOX_SECURITY_QUESTION.prompt[language],
    securityAnswer: SANDBOX_SECURITY_QUESTION.answer,
  };
}

/** Starts the simulator, or connects to real Flinks when the environment has credentials. */
export async function startBackend(
  env: Record<string, string | undefined>,
  simulatorOptions: SimulatorOptions = {},
): Promise<Backend> {
  const credentials = readFlinksCredentials(env);
  if (credentials) {
    return {
      kind: 'flinks',
      flinks: createFlinksClient(credentials),
      simulator: null,
      config: {
        backend: 'flinks',
        instance: credentials.instance,
        sandbox: credentials.instance === 'toolbox' ? sandboxHint() : null,
      },
      data: FLINKS_TIMING,
    };
  }
  const simulator = await startFlinksSimulator({ port: 0, data: SIMULATOR_DATA, ...simulatorOptions });
  const tokenLifetimeMs = simulatorOptions.tokenLifetimeMs ?? SIMULATOR_DEFAULT_LIFETIME_MS;
  return {
    kind: 'simulator',
    simulator,
    flinks: createFlinksClient({
      instance: 'simulator',
      customerId: simulator.customerId,
      secretKey: simulator.secretKey,
      baseUrl: simulator.apiBaseUrl,
      // The same lifetime and clock as the simulator, so the endpoint's `expiresAt` is the truth.
      tokenLifetimeMs,
      ...(simulatorOptions.now ? { now: simulatorOptions.now } : {}),
    }),
    config: {
      backend: 'simulator',
      connectUrl: simulator.connectUrl,
      tokenLifetimeMs,
      sandbox: sandboxHint(),
    },
    data: SIMULATOR_TIMING,
  };
}
