/** @module Shapes of the 智能问答 API: the shared contract (src/contracts/qa.ts), as the qa pages name them. */
import type { Conversation } from '../../../../src/contracts/qa';

export type {
  Answer,
  AskResponse,
  Citation,
  ClarifyPrompt as Clarify,
  Link,
} from '../../../../src/contracts/qa';

export type TranscriptTurn = Conversation['turns'][number];
