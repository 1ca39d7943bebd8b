/** @module 繁体 rendering of statute text on the server (opencc-js, 简体 → 台湾正体). */
import { toTraditionalText } from '../core/locale.js';

type Convert = (s: string) => string;

/** A converter for the reader's locale; the identity for 简体. Built once, on first use (about 0.1 s). */
export function converterFor(locale: 'zh-CN' | 'zh-TW'): Convert {
  if (locale !== 'zh-TW') return (s) => s;
  return toTraditionalText;
}

/** What a 繁体 reader typed, in 简体, for matching titles stored in 简体. */
export { toSimplified } from '../core/text.js';
