/**
 * @module The chat on this device: turns of the current conversation, kept in sessionStorage so a reload
 * keeps them and closing the tab (or a kiosk reset, which removes `open12348.*`) forgets them.
 */
import { ref, watch } from 'vue';
import { api } from '../../api';
import { failureText } from '../../composables/use-request';
import { locale } from '../../locale';
import { askStreaming } from './stream';
import { Conversation } from '../../../../src/contracts/qa';
import type { Answer } from './types';

const KEY = 'open12348.qa.chat';

export interface Turn {
  key: number;
  question: string;
  streaming: string;
  answer: Answer | null;
  error: string;
  feedback: { helpful: boolean; comment: string | null } | null;
}

interface Saved {
  conversationId: string | null;
  turns: Turn[];
}

function load(): Saved {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Saved | null;
    if (s && Array.isArray(s.turns)) return s;
  } catch {
    /* unreadable history starts a fresh chat */
  }
  return { conversationId: null, turns: [] };
}

const saved = load();
export const conversationId = ref<string | null>(saved.conversationId);
export const turns = ref<Turn[]>(saved.turns.filter((t) => t.answer));
export const busy = ref(false);
let seq = turns.value.reduce((m, t) => Math.max(m, t.key), 0);

watch(
  [conversationId, turns],
  () => {
    try {
      sessionStorage.setItem(
        KEY,
        JSON.stringify({ conversationId: conversationId.value, turns: turns.value }),
      );
    } catch {
      /* storage full or blocked: the chat still works on this page */
    }
  },
  { deep: true },
);

/** Asks `question`; `choice` is the issue of a clarifying option the citizen tapped. */
export async function ask(question: string, choice?: string): Promise<void> {
  const q = question.trim();
  if (!q || busy.value) return;
  busy.value = true;
  turns.value.push({
    key: ++seq,
    question: q,
    streaming: '',
    answer: null,
    error: '',
    feedback: null,
  });
  const turn = turns.value[turns.value.length - 1]!;
  try {
    const r = await askStreaming(
      {
        question: q,
        locale: locale.value,
        ...(conversationId.value ? { conversationId: conversationId.value } : {}),
        ...(choice ? { choice } : {}),
      },
      (text) => (turn.streaming = text),
    );
    conversationId.value = r.conversationId;
    turn.answer = r.answer;
  } catch (e) {
    turn.error = failureText(e, 'action');
  } finally {
    turn.streaming = '';
    busy.value = false;
  }
}

export async function sendFeedback(turn: Turn, helpful: boolean, comment: string): Promise<void> {
  if (!turn.answer) return;
  await api('POST', `/qa/answers/${turn.answer.id}/feedback`, {
    helpful,
    ...(comment.trim() ? { comment: comment.trim() } : {}),
    ...(conversationId.value ? { conversationId: conversationId.value } : {}),
  });
  turn.feedback = { helpful, comment: comment.trim() || null };
}

/** Reloads the conversation in the chosen script (answers are converted on the server). */
export async function reloadInLocale(): Promise<void> {
  if (!conversationId.value || busy.value) return;
  try {
    const r = await api(
      'GET',
      `/qa/conversations/${encodeURIComponent(conversationId.value)}?locale=${locale.value}`,
      undefined,
      Conversation,
    );
    turns.value = r.turns.map((t) => ({
      key: ++seq,
      question: t.question,
      streaming: '',
      answer: t.answer,
      error: '',
      feedback: t.feedback,
    }));
  } catch {
    /* keep what is shown; the UI text still switches */
  }
}

export function newConversation(): void {
  conversationId.value = null;
  turns.value = [];
}
