/** @module The server's 简→繁 converter (opencc-js cn→tw with the legal-term corrections), built once on first use. */
import * as OpenCC from 'opencc-js';
import { withTraditionalFixes } from './tw-fix.js';

let toTw: ((s: string) => string) | null = null;

/** 简体 → 繁体 (Taiwan standard characters), about 0.1 s to build the first time. */
export function toTraditionalText(s: string): string {
  toTw ??= withTraditionalFixes(OpenCC.Converter({ from: 'cn', to: 'tw' }));
  return toTw(s);
}

/** The header the web sends on every call while the reader is in 繁体 mode. */
export const LOCALE_HEADER = 'x-locale';

/** True when the request comes from a page in 繁体 mode. */
export function wantsTraditional(headers: Record<string, unknown>): boolean {
  return headers[LOCALE_HEADER] === 'zh-TW';
}
