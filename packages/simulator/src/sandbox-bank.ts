import type { SandboxLanguage, SandboxLogin, SandboxSecurityQuestion } from './sandbox-data';

export interface SandboxBankData {
  readonly institutionIds: readonly string[];
  readonly logins: readonly SandboxLogin[];
  readonly securityQuestion: SandboxSecurityQuestion;
}

/** A Flinks-shaped /Authorize answer: the HTTP status and the JSON body Flinks would send. */
export interface BankReply {
  readonly status: 200 | 203 | 400 | 401;
  readonly body: Readonly<Record<string, unknown>>;
  /** The session (`RequestId`) the call opened or continued; absent when the request was malformed. */
  readonly requestId?: string;
}

export interface SandboxBank {
  /** Answers a Flinks /Authorize body (PascalCase fields). The authorize token is checked by the caller. */
  authorize(body: unknown): BankReply;
  /** DeleteCard: forgets a LoginId (the next login of that user gets a new one). `false` if unknown. */
  deleteLogin(loginId: string): boolean;
}

/**
 * The login rules of the sandbox bank, without the authorize-token rules (the server adds those).
 *
 * The static Connect page runs this very function in the browser (it is serialized with
 * `Function#toString`), so the page and the server can never disagree about credentials. That is
 * why it must not reference anything outside its own body: no imports at runtime, no module
 * constants, only its parameters and language built-ins.
 */
export function createSandboxBank(
  data: SandboxBankData,
  newId: () => string,
  now: () => number,
): SandboxBank {
  interface Session {
    readonly requestId: string;
    institution: string;
    username: string | undefined;
    /** The security question asked and not yet answered. */
    pendingPrompt: string | undefined;
  }

  const sessions = new Map<string, Session>();
  const loginIdByUser = new Map<string, string>();
  const userByLoginId = new Map<string, { institution: string; username: string }>();

  const messages: Record<string, string> = {
    INVALID_LOGIN: 'The username or password is incorrect.',
    INVALID_SECURITY_RESPONSE: 'The answer to the security question is incorrect.',
    RETRY_LATER: 'The institution is unavailable. Retry later.',
    DISABLED_LOGIN: 'This login is disabled at the institution.',
    SESSION_NONEXISTENT: 'The session does not exist or has expired.',
  };

  const fold = (text: string): string =>
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .trim()
      .toLowerCase();
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' && value.trim() !== '' ? value : undefined;

  const badRequest = (message: string): BankReply => ({
    status: 400,
    body: { HttpStatusCode: 400, Message: message },
  });

  const refuse = (session: Session, flinksCode: string): BankReply => ({
    status: 401,
    requestId: session.requestId,
    body: {
      HttpStatusCode: 401,
      FlinksCode: flinksCode,
      Message: messages[flinksCode] ?? flinksCode,
      RequestId: session.requestId,
      Institution: session.institution,
    },
  });

  const challenge = (session: Session, prompt: string): BankReply => {
    session.pendingPrompt = prompt;
    return {
      status: 203,
      requestId: session.requestId,
      body: {
        HttpStatusCode: 203,
        RequestId: session.requestId,
        Institution: session.institution,
        SecurityChallenges: [{ Type: 'QuestionAndAnswer', Prompt: prompt }],
      },
    };
  };

  const loggedIn = (session: Session, username: string): BankReply => {
    // A LoginId is the bank connection, stable across sessions, as with Flinks.
    const userKey = session.institution + '\n' + username.toLowerCase();
    let loginId = loginIdByUser.get(userKey);
    if (loginId === undefined) {
      loginId = newId();
      loginIdByUser.set(userKey, loginId);
      userByLoginId.set(loginId, { institution: session.institution, username });
    }
    session.pendingPrompt = undefined;
    return {
      status: 200,
      requestId: session.requestId,
      body: {
        HttpStatusCode: 200,
        RequestId: session.requestId,
        Institution: session.institution,
        Login: {
          Id: loginId,
          Username: username,
          IsScheduledRefresh: false,
          LastRefresh: new Date(now()).toISOString(),
          Type: 'Personal',
        },
      },
    };
  };

  const openSession = (institution: string): Session => {
    const session: Session = {
      requestId: newId(),
      institution,
      username: undefined,
      pendingPrompt: undefined,
    };
    sessions.set(session.requestId, session);
    return session;
  };

  const answerChallenge = (session: Session, responses: unknown): BankReply => {
    if (session.pendingPrompt === undefined || session.username === undefined) {
      return refuse(session, 'SESSION_NONEXISTENT');
    }
    const answers =
      typeof responses === 'object' && responses !== null
        ? (responses as Record<string, unknown>)[session.pendingPrompt]
        : undefined;
    const answer = Array.isArray(answers) ? text(answers[0]) : text(answers);
    if (answer === undefined || fold(answer) !== fold(data.securityQuestion.answer)) {
      // The question is asked again with the error, so the caller can show it again.
      const refused = refuse(session, 'INVALID_SECURITY_RESPONSE');
      return {
        ...refused,
        body: {
          ...refused.body,
          SecurityChallenges: [{ Type: 'QuestionAndAnswer', Prompt: session.pendingPrompt }],
        },
      };
    }
    return loggedIn(session, session.username);
  };

  return {
    deleteLogin(loginId) {
      const user = userByLoginId.get(loginId);
      if (user === undefined) return false;
      userByLoginId.delete(loginId);
      loginIdByUser.delete(user.institution + '\n' + user.username.toLowerCase());
      return true;
    },

    authorize(body) {
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return badRequest('The request body must be a JSON object.');
      }
      const request = body as Record<string, unknown>;
      const requestId = text(request.RequestId);
      const existing = requestId === undefined ? undefined : sessions.get(requestId);
      if (requestId !== undefined && existing === undefined) {
        return {
          status: 401,
          body: {
            HttpStatusCode: 401,
            FlinksCode: 'SESSION_NONEXISTENT',
            Message: messages.SESSION_NONEXISTENT,
          },
        };
      }

      if (request.SecurityResponses !== undefined) {
        if (existing === undefined)
          return badRequest('SecurityResponses must come with the RequestId they answer.');
        return answerChallenge(existing, request.SecurityResponses);
      }

      const loginId = text(request.LoginId);
      if (loginId !== undefined) {
        const user = userByLoginId.get(loginId);
        if (user === undefined) {
          return {
            status: 401,
            body: {
              HttpStatusCode: 401,
              FlinksCode: 'INVALID_LOGIN',
              Message: 'LoginId not found or invalid',
            },
          };
        }
        const session = existing ?? openSession(user.institution);
        session.username = user.username;
        return loggedIn(session, user.username);
      }

      const username = text(request.Username);
      const password = typeof request.Password === 'string' ? request.Password : undefined;
      const institutionField = text(request.Institution);
      if (username === undefined || password === undefined || institutionField === undefined) {
        return badRequest(
          'Send LoginId, or Username, Password and Institution, or RequestId and SecurityResponses.',
        );
      }
      const institution = data.institutionIds.find(
        (id) => id.toLowerCase() === institutionField.toLowerCase(),
      );
      if (institution === undefined) {
        return badRequest('Unknown Institution. The sandbox knows: ' + data.institutionIds.join(', ') + '.');
      }

      const session = existing ?? openSession(institution);
      session.institution = institution;
      session.username = username;
      const login = data.logins.find(
        (candidate) =>
          candidate.username.toLowerCase() === username.toLowerCase() && candidate.password === password,
      );
      if (login === undefined) return refuse(session, 'INVALID_LOGIN');
      if (login.outcome === 'success') return loggedIn(session, username);
      if (login.outcome === 'mfa') {
        const language: SandboxLanguage = String(request.Language).toLowerCase() === 'fr' ? 'fr' : 'en';
        return challenge(session, data.securityQuestion.prompt[language]);
      }
      return refuse(session, login.outcome);
    },
  };
}
