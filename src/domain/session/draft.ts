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

/**
 * A draft read back from storage, checked against the question it was made for: only ids the
 * question has, an ordering that is a full permutation, one partner per matching item. Anything
 * else (another version of the question, a hand-edited value) gives null: start afresh.
 */
export function restoreDraft(question: Question, value: unknown): Draft | null {
  if (typeof value !== 'object' || value === null) return null
  const v = value as Record<string, unknown>
  const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string')
  if (!strings(v.selected) || typeof v.text !== 'string' || !strings(v.order) || typeof v.revealed !== 'boolean') return null
  if (typeof v.pairs !== 'object' || v.pairs === null || Array.isArray(v.pairs)) return null
  const pairs = v.pairs as Record<string, unknown>
  const fresh = emptyDraft(question)
  const options = new Set(optionKeys(question))
  if (!v.selected.every((id) => options.has(id))) return null
  if (question.type === 'ordering') {
    const ids = new Set(fresh.order)
    if (v.order.length !== ids.size || !v.order.every((id) => ids.has(id)) || new Set(v.order).size !== ids.size) return null
  }
  const out: Record<string, string> = {}
  if (question.type === 'matching') {
    const ids = new Set(question.pairs.map((p) => p.id))
    const used = new Set<string>()
    for (const [l, r] of Object.entries(pairs)) {
      if (!ids.has(l) || typeof r !== 'string' || !ids.has(r) || used.has(r)) return null
      used.add(r)
      out[l] = r
    }
  } else if (Object.keys(pairs).length > 0) return null
  return {
    selected: [...v.selected],
    text: v.text.slice(0, 2000),
    order: question.type === 'ordering' ? [...v.order] : fresh.order,
    pairs: out,
    revealed: question.type === 'flashcard' && v.revealed,
  }
}

/** Whether the learner has put anything into the draft (worth keeping across a reload). */
export function isDraftTouched(question: Question, draft: Draft): boolean {
  const fresh = emptyDraft(question)
  return (
    draft.selected.length > 0 ||
    draft.text !== '' ||
    Object.keys(draft.pairs).length > 0 ||
    draft.revealed ||
    draft.order.join('\u0000') !== fresh.order.join('\u0000')
  )
}

/** The draft that gives back a saved answer, to show it again and let it be changed (exams). */
export function responseToDraft(question: Question, response: Response): Draft {
  const d = emptyDraft(question)
  switch (response.type) {
    case 'single':
      return { ...d, selected: [response.choice] }
    case 'multiple':
      return { ...d, selected: [...response.choices] }
    case 'truefalse':
      return { ...d, selected: [String(response.value)] }
    case 'blank':
    case 'numeric':
      return { ...d, text: response.text }
    case 'ordering':
      return { ...d, order: [...response.order] }
    case 'matching':
      return { ...d, pairs: { ...response.pairs } }
    case 'flashcard':
      return { ...d, revealed: true }
    case 'skip':
      return d
  }
}

/** Whether two answers are the same (an exam answer looked at again and left as it was). */
export function sameResponse(a: Response, b: Response): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
