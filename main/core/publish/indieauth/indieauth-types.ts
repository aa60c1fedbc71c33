/** Where a blog's IndieAuth server lives, from its metadata document or its two endpoint links. */
export interface AuthServer {
  /** The metadata's `issuer`; null when the site only links the endpoints (older servers, no `iss`). */
  issuer: string | null;
  authorizationEndpoint: string;
  tokenEndpoint: string;
}

/** What the token endpoint granted, as it is kept in the secret store. */
export interface StoredToken {
  accessToken: string;
  scope: string;
  me: string | null;
  refreshToken: string | null;
  /** ISO time the access token stops working, when the server said. */
  expiresAt: string | null;
  tokenEndpoint: string | null;
  /** The client_id the token was issued to: a refresh must present the same one. */
  clientId: string | null;
}

/** The scopes Postwright asks for: publishing, editing, deleting, undeleting and uploading files. */
export const REQUESTED_SCOPES = ['create', 'update', 'delete', 'undelete', 'media'] as const;
