export type HostKind = 'electron' | 'browser' | 'cli';

/** Where secrets are kept, and whether that is real encryption, so the UI can say so. */
export interface SecretStoreInfo {
  kind: 'os-keyring' | 'file' | 'plain-text-keyring';
  secure: boolean;
  description: string;
}

export interface AppInfo {
  name: string;
  version: string;
  host: HostKind;
  dataDir: string;
  secretStore: SecretStoreInfo;
}
