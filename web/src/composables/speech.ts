/**
 * @module Read-aloud (speechSynthesis) and voice input (SpeechRecognition) where the browser has them;
 * callers hide the buttons when `supported` is false, so nothing appears that cannot work.
 */
import { ref } from 'vue';

interface RecognitionResultEvent {
  results: ArrayLike<ArrayLike<{ transcript: string }>>;
}
interface Recognition {
  lang: string;
  interimResults: boolean;
  maxAlternatives: number;
  onresult: ((e: RecognitionResultEvent) => void) | null;
  onerror: ((e: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
}
type RecognitionCtor = new () => Recognition;

const w = (typeof window !== 'undefined' ? window : {}) as {
  speechSynthesis?: SpeechSynthesis;
  SpeechRecognition?: RecognitionCtor;
  webkitSpeechRecognition?: RecognitionCtor;
};

export const canSpeak = Boolean(
  w.speechSynthesis && typeof SpeechSynthesisUtterance !== 'undefined',
);
const RecognitionImpl = w.SpeechRecognition ?? w.webkitSpeechRecognition;
export const canListen = Boolean(RecognitionImpl);

/** Which text is being read now (so one button can show 停止朗读). */
export const speakingId = ref<string | null>(null);

export function speak(id: string, text: string, lang: string): void {
  if (!canSpeak || !w.speechSynthesis) return;
  w.speechSynthesis.cancel();
  const u = new SpeechSynthesisUtterance(text);
  u.lang = lang;
  u.rate = 0.9; // a little slower: many listeners are elderly
  u.onend = () => (speakingId.value = null);
  u.onerror = () => (speakingId.value = null);
  speakingId.value = id;
  w.speechSynthesis.speak(u);
}

export function stopSpeaking(): void {
  w.speechSynthesis?.cancel();
  speakingId.value = null;
}

export const listening = ref(false);
let active: Recognition | null = null;

/** Starts dictation; `onText` gets the recognised sentence, `onError` a Chinese message. */
export function listen(lang: string, onText: (s: string) => void, onError: (msg: string) => void) {
  if (!RecognitionImpl) return;
  active?.stop();
  const r = new RecognitionImpl();
  r.lang = lang;
  r.interimResults = false;
  r.maxAlternatives = 1;
  r.onresult = (e) => {
    const text = Array.from(e.results)
      .map((alts) => alts[0]?.transcript ?? '')
      .join('');
    if (text) onText(text);
  };
  r.onerror = (e) =>
    onError(
      e.error === 'not-allowed' ? '没有麦克风权限，请在浏览器设置中允许' : '没有听清，请再说一遍',
    );
  r.onend = () => {
    listening.value = false;
    active = null;
  };
  active = r;
  listening.value = true;
  r.start();
}

export function stopListening(): void {
  active?.stop();
}
