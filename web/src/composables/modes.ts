/**
 * @module Display modes of the citizen app: 关怀版 (large type, high contrast; remembered on this device)
 * and kiosk mode (`?kiosk=1`, remembered for this browser session only, since a kiosk is a shared machine).
 * Both are classes on <html> so every page, including other areas' pages, follows them.
 */
import { ref, watch } from 'vue';

const CARE_KEY = 'open12348.care';
const KIOSK_KEY = 'open12348.kiosk';
const IDLE_KEY = 'open12348.kiosk.idle';

/** Keys that survive a kiosk reset: display settings only, never personal data. */
export const SETTING_KEYS = [CARE_KEY, KIOSK_KEY, IDLE_KEY, 'open12348.locale'];

function read(store: Storage | undefined, key: string): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null; // storage can be blocked (private mode, WebView settings)
  }
}

function write(store: Storage | undefined, key: string, value: string | null): void {
  try {
    if (value === null) store?.removeItem(key);
    else store?.setItem(key, value);
  } catch {
    /* a setting that cannot be remembered still applies to this page */
  }
}

const hasWindow = typeof window !== 'undefined';
const local = hasWindow ? window.localStorage : undefined;
const session = hasWindow ? window.sessionStorage : undefined;

export const careMode = ref(read(local, CARE_KEY) === '1');
export const kioskMode = ref(read(session, KIOSK_KEY) === '1');
/** Idle seconds forced by `?idle=` (tests, demos); null = use the server's KIOSK_IDLE_SECONDS. */
export const idleOverride = ref<number | null>(Number(read(session, IDLE_KEY)) || null);

/** Reads `?kiosk=1|0` and `?idle=<seconds>` from the address once, at start-up. */
export function readModesFromUrl(search: string): void {
  const q = new URLSearchParams(search);
  const k = q.get('kiosk');
  if (k === '1' || k === 'true') kioskMode.value = true;
  if (k === '0' || k === 'false') kioskMode.value = false;
  const idle = Number(q.get('idle'));
  if (Number.isFinite(idle) && idle >= 1 && idle <= 86_400) idleOverride.value = Math.round(idle);
}

export function setCareMode(on: boolean): void {
  careMode.value = on;
}

export function setKioskMode(on: boolean): void {
  kioskMode.value = on;
}

function apply(): void {
  if (typeof document === 'undefined') return;
  document.documentElement.classList.toggle('care', careMode.value);
  document.documentElement.classList.toggle('kiosk', kioskMode.value);
}

watch(careMode, (on) => {
  write(local, CARE_KEY, on ? '1' : null);
  apply();
});
watch(kioskMode, (on) => {
  write(session, KIOSK_KEY, on ? '1' : null);
  apply();
});
watch(idleOverride, (s) => write(session, IDLE_KEY, s === null ? null : String(s)));
apply();
