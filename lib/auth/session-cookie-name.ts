/** The sealed session's cookie; also cleared by lib/errors.ts when the API server stops taking its token. */
export const SESSION_COOKIE = 'meshlens_session';

/** Set-Cookie that removes the session (a deletion needs no Secure: it carries nothing). */
export const CLEARED_SESSION_COOKIE = `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict`;
