/** @module The signed-in user, shared by every page. */
import { ref } from 'vue';
import { api, setCsrfToken } from './api';
import { MeEnvelope, SignedIn, type Me } from '../../src/contracts/auth';

export type { Me };

export const me = ref<Me | null>(null);
export const sessionLoaded = ref(false);

export async function loadSession(): Promise<Me | null> {
  // Anonymous visitors get { user: null } (200), so a page load logs no failed request.
  const r = await api('GET', '/auth/me', undefined, MeEnvelope);
  me.value = r.user;
  setCsrfToken(r.user?.csrfToken ?? null);
  sessionLoaded.value = true;
  return me.value;
}

export async function signIn(username: string, password: string): Promise<Me> {
  const r = await api('POST', '/auth/login', { username, password }, SignedIn);
  me.value = r.user;
  setCsrfToken(r.user.csrfToken);
  return r.user;
}

/** Signs in with the code sent by SMS (a first sign-in makes the citizen account). */
export async function signInWithSms(phone: string, code: string): Promise<Me> {
  const r = await api('POST', '/auth/sms-login', { phone, code }, SignedIn);
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
