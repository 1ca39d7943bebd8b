/**
 * @module Ends a citizen's visit on a shared machine: signs out, forgets what this browser stored for
 * them (chat history, drafts) and reloads the home page so no page keeps anything in memory.
 */
import { endVisitOnServer } from '../session';
import { SETTING_KEYS } from './modes';

const NOTICE_KEY = 'open12348.kiosk.resetNotice';

/** Removes every `open12348.*` key except display settings; other areas' drafts follow the prefix. */
export function forgetStoredData(): void {
  for (const store of [window.localStorage, window.sessionStorage]) {
    try {
      const keys: string[] = [];
      for (let i = 0; i < store.length; i++) {
        const k = store.key(i);
        if (k && k.startsWith('open12348.') && !SETTING_KEYS.includes(k)) keys.push(k);
      }
      for (const k of keys) store.removeItem(k);
    } catch {
      /* blocked storage holds nothing to forget */
    }
  }
}

/**
 * Sign out and end every anonymous credential (the 法律意见书 kiosk token) on the server, forget local
 * data, land on the home page with a notice.
 */
export async function endVisit(): Promise<void> {
  try {
    await endVisitOnServer();
  } catch {
    /* offline: the reload below still drops the page state; the cookies expire with the browser */
  }
  forgetStoredData();
  try {
    window.sessionStorage.setItem(NOTICE_KEY, '1');
  } catch {
    /* the notice is a courtesy */
  }
  // A full reload drops every page's in-memory state (chat, forms) — nothing is left for the next person.
  window.location.replace('/');
}

/** True once after an idle reset, so the home page can say why it is showing. */
export function takeResetNotice(): boolean {
  try {
    const v = window.sessionStorage.getItem(NOTICE_KEY) === '1';
    window.sessionStorage.removeItem(NOTICE_KEY);
    return v;
  } catch {
    return false;
  }
}
