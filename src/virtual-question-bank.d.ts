declare module 'virtual:question-bank' {
  const sets: import('@/domain/content/schema').QuestionSet[]
  export default sets
}

declare module 'virtual:question-index' {
  /** Per built-in set: what the home screen shows, and its question ids. */
  const index: {
    id: string
    title: import('@/domain/content/schema').Localized
    description?: import('@/domain/content/schema').Localized
    questions: string[]
  }[]
  export default index
}
