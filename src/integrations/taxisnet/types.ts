// The port the identity context owns: what it asks of TaxisNet (GSIS OAuth2, authorization code, not OIDC).

/** How to reach TaxisNet, checked when the client is made (createTaxisNetClient). */
export interface TaxisNetSettings {
  /** OPENDIMOS_TAXISNET_URL, e.g. https://www1.gsis.gr (test: https://test.gsis.gr); the GSIS paths are appended. */
  readonly baseUrl: string;
  /** OPENDIMOS_TAXISNET_CLIENT_ID, given by GSIS at registration. */
  readonly clientId: string;
  /** OPENDIMOS_TAXISNET_CLIENT_SECRET. */
  readonly clientSecret: string;
  /** OPENDIMOS_PUBLIC_URL + /auth/taxisnet/callback, exactly as registered with GSIS. */
  readonly redirectUri: string;
  /** Per request to TaxisNet, body included; default 10000. */
  readonly timeoutMs?: number;
}

/** A person or legal entity as TaxisNet's userinfo names them: trimmed, NFC, Greek capitals kept as given. */
export interface TaxisNetUser {
  /** The TaxisNet user name (userid); '' when the answer has none. */
  readonly userId: string;
  /** ΑΦΜ, 9 digits with a valid check digit (an answer without one is refused). */
  readonly taxid: string;
  /** Surname (επώνυμο); for a legal entity its name (επωνυμία). */
  readonly lastName: string;
  readonly firstName: string;
  /** Father's first name (πατρώνυμο). */
  readonly fatherName: string;
  /** Mother's first name (μητρώνυμο). */
  readonly motherName: string;
  readonly birthYear: number | null;
  /** See kindOf in userinfo.ts for the rule and its limits. */
  readonly kind: 'person' | 'company';
}

/** One login's secrets, kept server-side in the session until the callback: 32 random bytes each, base64url. */
export interface LoginAttempt {
  /** Sent as `state`, compared on return (RFC 6749 §10.12). */
  readonly state: string;
  /** PKCE code_verifier (RFC 7636 §4.1), sent only to the token endpoint. */
  readonly codeVerifier: string;
  /** BASE64URL(SHA-256(codeVerifier)), sent to authorize with code_challenge_method=S256. */
  readonly codeChallenge: string;
}

export interface TaxisNetClient {
  /** Where to send the browser: response_type=code, client_id, redirect_uri, scope=read, state, PKCE S256. */
  authorizeUrl(attempt: LoginAttempt): string;
  /**
   * The code from the callback for an access token (client id and secret in the form body). Fails with a
   * TaxisNetError; a codeVerifier that is not a LoginAttempt's is a programming error (TypeError).
   */
  exchangeCode(code: string, codeVerifier: string): Promise<{ accessToken: string }>;
  /** Who logged in: userinfo?format=xml with the bearer token. */
  userinfo(accessToken: string): Promise<TaxisNetUser>;
  /** Ends the TaxisNet session too, then TaxisNet sends the browser to `returnTo`. */
  logoutUrl(returnTo: string): string;
}
