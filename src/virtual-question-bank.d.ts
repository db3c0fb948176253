declare module 'virtual:question-bank' {
  const sets: import('@/domain/content/schema').QuestionSet[]
  export default sets
}
