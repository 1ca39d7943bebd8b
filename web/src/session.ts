/** @module The signed-in user, shared by every page. */
import { ref } from 'vue';
import { api, setCsrfToken } from './api';

export interface Me {
  id: number;
  username: string;
  role: 'citizen' | 'community_lawyer' | 'aid_lawyer' | 'aid_officer' | 'admin';
  roleLabel: string;
  displayName: string;
  agencyId: number | null;
  csrfToken: string;
}

export const me = ref<Me | null>(null);
export const sessionLoaded = ref(false);

export async function loadSession(): Promise<Me | null> {
  // Anonymous visitors get { user: null } (200), so a page load logs no failed request.
  const r = await api<{ user: Me | null }>('GET', '/auth/me');
  me.value = r.user;
  setCsrfToken(r.user?.csrfToken ?? null);
  sessionLoaded.value = true;
  return me.value;
}

export async function signIn(username: string, password: string): Promise<Me> {
  const r = await api<{ user: Me }>('POST', '/auth/login', { username, password });
  me.value = r.user;
  setCsrfToken(r.user.csrfToken);
  return r.user;
}

export async function signOut(): Promise<void> {
  await api('POST', '/auth/logout');
  me.value = null;
  setCsrfToken(null);
}

/** Ends the visit on the server: the session and the anonymous cookies (kiosk reset). */
export async function endVisitOnServer(): Promise<void> {
  try {
    await api('POST', '/auth/end-visit');
  } finally {
    me.value = null;
    setCsrfToken(null);
  }
}
