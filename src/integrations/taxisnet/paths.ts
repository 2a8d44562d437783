// GSIS's OAuth2 server paths, appended to the base URL (https://www1.gsis.gr, or https://test.gsis.gr).
export const AUTHORIZE_PATH = '/oauth2server/oauth/authorize';
export const TOKEN_PATH = '/oauth2server/oauth/token';
export const USERINFO_PATH = '/oauth2server/userinfo';
/** Followed by the client id and a slash: /oauth2server/logout/{clientId}/?url=… */
export const LOGOUT_PATH = '/oauth2server/logout/';
/** GSIS's scope for the userinfo of the person logged in. */
export const SCOPE = 'read';
