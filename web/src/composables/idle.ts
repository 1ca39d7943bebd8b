/**
 * @module Kiosk idle watch: after `KIOSK_IDLE_SECONDS` (from /api/v1/health, or `?idle=` for tests)
 * without a touch, key or scroll, the visit ends (see reset.ts). A short warning comes first.
 */
import { computed, onBeforeUnmount, ref, watch, type Ref } from 'vue';
import { endVisit } from './reset';

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'input', 'scroll'] as const;

export async function fetchIdleSeconds(): Promise<number> {
  try {
    const r = await fetch('/api/v1/health');
    const j = (await r.json()) as { kiosk?: { idleSeconds?: number } };
    return j.kiosk?.idleSeconds ?? 120;
  } catch {
    return 120;
  }
}

/** Watches activity while `enabled` is true; `remaining` is seconds left while the warning shows. */
export function useIdleReset(enabled: Ref<boolean>, idleSeconds: Ref<number | null>) {
  const lastActivity = ref(Date.now());
  const now = ref(Date.now());
  let timer: ReturnType<typeof setInterval> | null = null;
  let ending = false;

  const onActivity = () => (lastActivity.value = Date.now());
  const warnFor = computed(() => Math.min(10, Math.floor((idleSeconds.value ?? 0) / 3)));
  const left = computed(() =>
    idleSeconds.value === null
      ? Infinity
      : idleSeconds.value - Math.floor((now.value - lastActivity.value) / 1000),
  );
  const remaining = computed(() =>
    enabled.value && left.value <= warnFor.value ? Math.max(0, left.value) : null,
  );

  function tick(): void {
    now.value = Date.now();
    if (!ending && enabled.value && left.value <= 0) {
      ending = true;
      void endVisit();
    }
  }
  function start(): void {
    stop();
    lastActivity.value = Date.now();
    for (const e of ACTIVITY)
      window.addEventListener(e, onActivity, { passive: true, capture: true });
    timer = setInterval(tick, 250);
  }
  function stop(): void {
    for (const e of ACTIVITY) window.removeEventListener(e, onActivity, { capture: true });
    if (timer) clearInterval(timer);
    timer = null;
  }
  watch(enabled, (on) => (on ? start() : stop()), { immediate: true });
  onBeforeUnmount(stop);
  return { remaining, stayHere: onActivity };
}
