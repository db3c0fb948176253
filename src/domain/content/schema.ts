/**
 * The question-set format: one schema, and every TypeScript type inferred from it.
 * The JSON Schema in questions/question-set.schema.json is generated from this file
 * (`npm run schema:questions`); a test fails when it is stale.
 *
 * Shape only lives here. Rules that need more than one field (ids unique, answers that
 * refer to existing choices, ...) live in validate.ts so each gets its own clear message.
 */
import * as v from 'valibot'

export const MAX_TEXT = 2000
export const MAX_CHOICES = 12

const Text = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(MAX_TEXT, `must be at most ${MAX_TEXT} characters`),
)

/** A learner-facing string in both interface languages. */
export const LocalizedSchema = v.strictObject({
  zh: Text,
  en: Text,
})

const Id = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase kebab-case (a-z, 0-9 and single hyphens)'),
  v.maxLength(80, 'must be at most 80 characters'),
)

const OptionId = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be 1-40 letters, digits, "_" or "-"'),
)

const Paragraph = v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1, 'must be 1 or more'))

export const SourceSchema = v.strictObject({
  /** 1-based index among the article's non-empty lines (line 1 is the title). */
  paragraph: v.union([Paragraph, v.pipe(v.array(Paragraph), v.minLength(1))]),
  /** Verbatim phrases of the article that prove the answer, 2..60 characters each. */
  quote: v.union([
    v.pipe(v.string(), v.minLength(2), v.maxLength(60)),
    v.pipe(v.array(v.pipe(v.string(), v.minLength(2), v.maxLength(60))), v.minLength(1)),
  ]),
})

export const ChoiceSchema = v.strictObject({
  id: OptionId,
  text: LocalizedSchema,
})

const base = {
  id: Id,
  prompt: LocalizedSchema,
  explanation: LocalizedSchema,
  source: v.optional(SourceSchema),
  tags: v.optional(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(40)))),
}

export const SingleQuestionSchema = v.strictObject({
  ...base,
  type: v.literal('single'),
  choices: v.pipe(v.array(ChoiceSchema), v.minLength(2, 'needs at least 2 choices'), v.maxLength(MAX_CHOICES)),
  /** The id of the one correct choice. */
  answer: OptionId,
})

export const MultipleQuestionSchema = v.strictObject({
  ...base,
  type: v.literal('multiple'),
  choices: v.pipe(v.array(ChoiceSchema), v.minLength(3, 'needs at least 3 choices'), v.maxLength(MAX_CHOICES)),
  /** The ids of every correct choice (at least two; at least one choice stays wrong). */
  answer: v.array(OptionId),
})

export const TrueFalseQuestionSchema = v.strictObject({
  ...base,
  type: v.literal('truefalse'),
  answer: v.boolean(),
})

export const BlankQuestionSchema = v.strictObject({
  ...base,
  type: v.literal('blank'),
  /** The canonical answer shown after grading. */
  answer: LocalizedSchema,
  /**
   * Further accepted forms (aliases, English, digits...). Matching ignores case, width, spaces and
   * punctuation (never between digits: "1/4" is not "14"); see checkBlank in answer.ts for the rest.
   */
  accepted: v.optional(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(200)))),
})

export const NumericQuestionSchema = v.strictObject({
  ...base,
  type: v.literal('numeric'),
  /** The value in plain units: 300亿美元 is 30000000000 with unit 美元 / US dollars. */
  value: v.pipe(v.number(), v.finite()),
  /** Absolute tolerance in the same units as value; 0 means exact. */
  tolerance: v.pipe(v.number(), v.finite(), v.minValue(0, 'must not be negative')),
  unit: v.optional(LocalizedSchema),
})

export const OrderingQuestionSchema = v.strictObject({
  ...base,
  type: v.literal('ordering'),
  items: v.pipe(v.array(ChoiceSchema), v.minLength(3, 'needs at least 3 items'), v.maxLength(MAX_CHOICES)),
  /** Item ids in the correct order. */
  answer: v.array(OptionId),
})

export const MatchingPairSchema = v.strictObject({
  id: OptionId,
  left: LocalizedSchema,
  right: LocalizedSchema,
})

export const MatchingQuestionSchema = v.strictObject({
  ...base,
  type: v.literal('matching'),
  /** Each left belongs with the right on the same pair. */
  pairs: v.pipe(v.array(MatchingPairSchema), v.minLength(2, 'needs at least 2 pairs'), v.maxLength(MAX_CHOICES)),
})

export const FlashcardQuestionSchema = v.strictObject({
  ...base,
  type: v.literal('flashcard'),
  back: LocalizedSchema,
})

export const QuestionSchema = v.variant('type', [
  SingleQuestionSchema,
  MultipleQuestionSchema,
  TrueFalseQuestionSchema,
  BlankQuestionSchema,
  NumericQuestionSchema,
  OrderingQuestionSchema,
  MatchingQuestionSchema,
  FlashcardQuestionSchema,
])

export const QuestionSetSchema = v.strictObject({
  $schema: v.optional(v.string()),
  id: Id,
  title: LocalizedSchema,
  description: v.optional(LocalizedSchema),
  /**
   * Position on the home screen; lower comes first. Finite: JSON has no Infinity, so 1e309 would
   * be saved as null and the set could not be read back.
   */
  order: v.optional(v.pipe(v.number(), v.finite('must be a finite number, such as 1 or 2.5'))),
  /** A short study note, read before the quiz. */
  keyPoints: v.pipe(v.array(LocalizedSchema), v.minLength(1, 'needs at least one key point')),
  questions: v.pipe(v.array(QuestionSchema), v.minLength(1, 'needs at least one question')),
})

export type Localized = v.InferOutput<typeof LocalizedSchema>
export type Choice = v.InferOutput<typeof ChoiceSchema>
export type SingleQuestion = v.InferOutput<typeof SingleQuestionSchema>
export type MultipleQuestion = v.InferOutput<typeof MultipleQuestionSchema>
export type TrueFalseQuestion = v.InferOutput<typeof TrueFalseQuestionSchema>
export type BlankQuestion = v.InferOutput<typeof BlankQuestionSchema>
export type NumericQuestion = v.InferOutput<typeof NumericQuestionSchema>
export type OrderingQuestion = v.InferOutput<typeof OrderingQuestionSchema>
export type MatchingPair = v.InferOutput<typeof MatchingPairSchema>
export type MatchingQuestion = v.InferOutput<typeof MatchingQuestionSchema>
export type FlashcardQuestion = v.InferOutput<typeof FlashcardQuestionSchema>
export type Question = v.InferOutput<typeof QuestionSchema>
export type QuestionType = Question['type']
export type QuestionSet = v.InferOutput<typeof QuestionSetSchema>

export const QUESTION_TYPES: readonly QuestionType[] = [
  'single',
  'multiple',
  'truefalse',
  'blank',
  'numeric',
  'ordering',
  'matching',
  'flashcard',
] as const
