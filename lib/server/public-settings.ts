import 'server-only';

/**
 * What a Server Component may read without touching a data source. Read straight from the environment so
 * that a broken data-source setting still renders the shell (the status API reports it).
 */
export interface PublicSettings {
  readonly meshName: string;
  readonly readOnly: boolean;
}

export function getPublicSettings(): PublicSettings {
  const readOnly = /^(1|true|yes)$/i.test(process.env.READ_ONLY ?? '');
  return { meshName: process.env.MESH_NAME || 'mesh', readOnly };
}
