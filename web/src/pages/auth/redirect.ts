/** @module Where to go after login: only a path inside this site (no `//host`), else 我的. */
export function safeRedirect(v: unknown): string {
  const s = Array.isArray(v) ? v[0] : v;
  if (typeof s === 'string' && s.startsWith('/') && !s.startsWith('//') && !s.includes('\\'))
    return s;
  return '/me';
}
