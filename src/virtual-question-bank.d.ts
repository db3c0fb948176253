declare module 'virtual:question-bank' {
  /** One built-in set with its questions (fetched on first use; rejects for an unknown id or a failed fetch). */
  export function loadSet(id: string): Promise<import('@/domain/content/schema').QuestionSet>
}

declare module 'virtual:question-index' {
  /** Per built-in set, in bank order: what lists show, its question ids and how many of each type. */
  const index: {
    id: string
    title: import('@/domain/content/schema').Localized
    description?: import('@/domain/content/schema').Localized
    questions: string[]
    typeCounts: Partial<Record<import('@/domain/content/schema').QuestionType, number>>
  }[]
  export default index
}
