/**
 * @module 简体/繁体 mode for the whole UI. `t(text)` renders simplified source text in the chosen script;
 * the converter is loaded only when 繁体 is first chosen, so the first page stays small.
 */
import { ref } from 'vue';
import { withTraditionalFixes } from '../../src/core/tw-fix';

export type Locale = 'zh-CN' | 'zh-TW';

const KEY = 'open12348.locale';
export const locale = ref<Locale>(
  (typeof localStorage !== 'undefined' && (localStorage.getItem(KEY) as Locale)) || 'zh-CN',
);
const converter = ref<((s: string) => string) | null>(null);

async function loadConverter(): Promise<void> {
  if (converter.value) return;
  const OpenCC = await import('opencc-js/cn2t');
  converter.value = withTraditionalFixes(OpenCC.Converter({ from: 'cn', to: 'tw' }));
}

export async function setLocale(l: Locale): Promise<void> {
  if (l === 'zh-TW') await loadConverter();
  locale.value = l;
  localStorage.setItem(KEY, l);
  document.documentElement.lang = l;
}

if (locale.value === 'zh-TW')
  void loadConverter().then(() => (document.documentElement.lang = 'zh-TW'));

/** Renders a simplified-Chinese string in the current script (reactive in templates). */
export function t(text: string): string {
  if (locale.value === 'zh-TW' && converter.value) return converter.value(text);
  return text;
}
