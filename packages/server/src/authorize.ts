import { FlinksConfigError } from './errors';
import type { FlinksApiError } from './errors';
import { badResponse, field, textField } from './flinks-request';
import type { FlinksReply } from './flinks-request';

interface AuthorizeCommon {
  /** Use the data Flinks cached at the last refresh instead of a live login. */
  readonly mostRecentCached?: boolean;
  /** Keep the login so it can be refreshed later (`LoginId` stays valid). */
  readonly save?: boolean;
  /** Your own reference, echoed back by Flinks. */
  readonly tag?: string;
  /** Language of the security questions: `en` or `fr`. */
  readonly language?: 'en' | 'fr' | (string & {});
}

/** After Connect: fetch a login by the `loginId` that Connect's REDIRECT event gave. */
export interface AuthorizeWithLoginId extends AuthorizeCommon {
  readonly loginId: string;
  readonly requestId?: string;
}

/** A live login with the user's bank credentials. */
export interface AuthorizeWithCredentials extends AuthorizeCommon {
  readonly username: string;
  readonly password: string;
  readonly institution: string;
  readonly requestId?: string;
}

/** Answers to the security challenges of a `kind: 'mfa'` result, sent with its `requestId`. */
export interface AnswerSecurityChallenges extends AuthorizeCommon {
  readonly requestId: string;
  /** Prompt -> answer(s), e.g. `{ 'What city were you born in?': 'Montreal' }`. */
  readonly securityResponses: Readonly<Record<string, string | readonly string[]>>;
  /**
   * The challenge's `authorizeToken`: Flinks wants the MFA answer sent with the token that opened
   * the flow. Without it (another process answers, and did not keep it) a fresh one is minted.
   */
  readonly authorizeToken?: string;
  readonly loginId?: string;
  readonly username?: string;
  readonly password?: string;
  readonly institution?: string;
}

export type AuthorizeRequest = AuthorizeWithLoginId | AuthorizeWithCredentials | AnswerSecurityChallenges;

export interface SecurityChallenge {
  /** e.g. `QuestionAndAnswer`, `MultipleChoice`, `TextOrCall`. */
  readonly type: string;
  readonly prompt: string;
  /** Choices, for the challenge types that have them. */
  readonly iterables: readonly string[] | undefined;
}

export interface FlinksLogin {
  readonly id: string;
  readonly username: string | undefined;
  readonly isScheduledRefresh: boolean | undefined;
  readonly lastRefresh: string | undefined;
  readonly type: string | undefined;
}

/** Logged in (HTTP 200): use `requestId` with Flinks' data endpoints. */
export interface AuthorizeSession {
  readonly kind: 'session';
  readonly requestId: string;
  readonly loginId: string;
  readonly institution: string | undefined;
  readonly login: FlinksLogin;
  /** Flinks' whole answer, for fields not mapped here. */
  readonly body: Readonly<Record<string, unknown>>;
}

/** The bank asks security questions (HTTP 203): answer them with `securityResponses` and this `requestId`. */
export interface AuthorizeMfaChallenge {
  readonly kind: 'mfa';
  readonly requestId: string;
  readonly institution: string | undefined;
  readonly securityChallenges: readonly SecurityChallenge[];
  readonly body: Readonly<Record<string, unknown>>;
  /**
   * The token this flow was opened with, to pass back with the answers. Not enumerable, so
   * `JSON.stringify(challenge)` and logs leave it out: keep it on the server.
   */
  readonly authorizeToken: string;
}

export type AuthorizeResult = AuthorizeSession | AuthorizeMfaChallenge;

const PASCAL_CASE: Readonly<Record<string, string>> = {
  loginId: 'LoginId',
  username: 'Username',
  password: 'Password',
  institution: 'Institution',
  requestId: 'RequestId',
  securityResponses: 'SecurityResponses',
  mostRecentCached: 'MostRecentCached',
  save: 'Save',
  tag: 'Tag',
  language: 'Language',
};

/** Flinks' PascalCase body for a request, after checking it is one of the three shapes. */
export function toAuthorizeBody(request: AuthorizeRequest): Record<string, unknown> {
  const fields = request as unknown as Partial<Record<string, unknown>>;
  const has = (name: string): boolean => typeof fields[name] === 'string' && fields[name] !== '';
  const isAnswer =
    has('requestId') && typeof fields.securityResponses === 'object' && fields.securityResponses !== null;
  if (!isAnswer && !has('loginId') && !(has('username') && has('password') && has('institution'))) {
    throw new FlinksConfigError(
      'authorize: pass { loginId } (after Connect), { username, password, institution } (a live login) ' +
        'or { requestId, securityResponses } (answers to an MFA challenge).',
    );
  }

  const body: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    const pascal = PASCAL_CASE[name];
    if (pascal === undefined || value === undefined) continue;
    body[pascal] =
      name === 'securityResponses'
        ? Object.fromEntries(
            Object.entries(value as Record<string, string | readonly string[]>).map(([prompt, answer]) => [
              prompt,
              typeof answer === 'string' ? [answer] : [...answer],
            ]),
          )
        : value;
  }
  return body;
}

/** Reads a successful /Authorize answer (HTTP 2xx); anything unexpected is a `bad_response`. */
export function readAuthorizeReply(reply: FlinksReply, token: string): AuthorizeResult {
  const bad = (missing: string): FlinksApiError => badResponse('Authorize', reply, missing);
  if (reply.bodyKind !== 'json' || typeof reply.body !== 'object' || reply.body === null) {
    throw bad('a RequestId');
  }
  const body = reply.body as Record<string, unknown>;
  const requestId = textField(body, 'RequestId');
  if (requestId === undefined) throw bad('a RequestId');
  const institution = textField(body, 'Institution');

  const challenges = field(body, 'SecurityChallenges');
  // Flinks signals MFA with 203, in the status line or in HttpStatusCode; the challenges decide.
  if (Array.isArray(challenges) && challenges.length > 0) {
    const challenge = {
      kind: 'mfa' as const,
      requestId,
      institution,
      securityChallenges: challenges.map((challenge) => {
        const iterables = field(challenge, 'Iterables');
        return {
          type: textField(challenge, 'Type') ?? 'QuestionAndAnswer',
          prompt: textField(challenge, 'Prompt') ?? '',
          iterables: Array.isArray(iterables) ? iterables.map(String) : undefined,
        };
      }),
      body,
    };
    return Object.defineProperty(challenge, 'authorizeToken', {
      value: token,
      enumerable: false,
    }) as typeof challenge & { readonly authorizeToken: string };
  }
  if (reply.status === 203 || field(body, 'HttpStatusCode') === 203) throw bad('SecurityChallenges');

  const login = field(body, 'Login');
  const loginId = textField(login, 'Id');
  if (loginId === undefined) throw bad('Login.Id');
  const isScheduledRefresh = field(login, 'IsScheduledRefresh');
  return {
    kind: 'session',
    requestId,
    loginId,
    institution,
    login: {
      id: loginId,
      username: textField(login, 'Username'),
      isScheduledRefresh: typeof isScheduledRefresh === 'boolean' ? isScheduledRefresh : undefined,
      lastRefresh: textField(login, 'LastRefresh'),
      type: textField(login, 'Type'),
    },
    body,
  };
}
