// What the identity context needs of TaxisNet (GSIS OAuth2), as a port: the composition root hands it the
// real client (src/integrations/taxisnet), or the development stand-in's, or none when citizen login is off.
export interface LoginAttempt {
  readonly state: string;
  readonly codeVerifier: string;
  readonly codeChallenge: string;
}

export interface TaxisNetIdentity {
  readonly userId: string;
  readonly taxid: string;
  readonly lastName: string;
  readonly firstName: string;
  readonly fatherName: string;
  readonly motherName: string;
  readonly birthYear: number | null;
  readonly kind: 'person' | 'company';
}

export interface CitizenLogin {
  readonly newAttempt: () => LoginAttempt;
  readonly authorizeUrl: (attempt: LoginAttempt) => string;
  /** Code → identity; rejects with an error carrying `code`, `el` and `en` when TaxisNet refuses or fails. */
  readonly identify: (code: string, codeVerifier: string) => Promise<TaxisNetIdentity>;
  /** Where to send the browser so that its TaxisNet session ends too, then back to `returnTo`. */
  readonly logoutUrl: (returnTo: string) => string;
}
