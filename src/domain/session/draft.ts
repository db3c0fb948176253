/**
 * The learner's answer while it is being made, for any question type, and its conversion to
 * a gradable Response. Pure, so the runner's rules (when is "Check" enabled?) are testable.
 */
import type { Question } from '../content/schema'
import type { Response } from '../content/response'

export interface Draft {
  /** Chosen option ids (single, multiple, truefalse as 'true' / 'false'). */
  selected: string[]
  /** Typed text (blank, numeric). */
  text: string
  /** Item ids in the learner's order (ordering). */
  order: string[]
  /** left pair id → right pair id (matching). */
  pairs: Record<string, string>
  /** Flashcard answer side shown. */
  revealed: boolean
}

/** A fresh draft; ordering starts from the (already shuffled) order shown. */
export function emptyDraft(question: Question | null): Draft {
  return {
    selected: [],
    text: '',
    order: question?.type === 'ordering' ? question.items.map((i) => i.id) : [],
    pairs: {},
    revealed: false,
  }
}

/** The gradable response, or null while the answer is incomplete. Flashcards are graded by buttons. */
export function draftToResponse(question: Question, draft: Draft): Response | null {
  switch (question.type) {
    case 'single':
      return draft.selected[0] ? { type: 'single', choice: draft.selected[0] } : null
    case 'multiple':
      return draft.selected.length ? { type: 'multiple', choices: [...draft.selected] } : null
    case 'truefalse':
      return draft.selected[0] ? { type: 'truefalse', value: draft.selected[0] === 'true' } : null
    case 'blank':
      return draft.text.trim() ? { type: 'blank', text: draft.text } : null
    case 'numeric':
      return draft.text.trim() ? { type: 'numeric', text: draft.text } : null
    case 'ordering':
      return { type: 'ordering', order: [...draft.order] }
    case 'matching':
      return Object.keys(draft.pairs).length === question.pairs.length
        ? { type: 'matching', pairs: { ...draft.pairs } }
        : null
    case 'flashcard':
      return null
  }
}

/** Option ids in display order for the number keys 1–9 (choice-like questions only). */
export function optionKeys(question: Question): string[] {
  if (question.type === 'single' || question.type === 'multiple') return question.choices.map((c) => c.id)
  if (question.type === 'truefalse') return ['true', 'false']
  return []
}
