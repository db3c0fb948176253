/**
 * The backup import off the page's thread: parsing and checking a big file and writing it in
 * bulk take seconds, which here freeze nothing. Opens the app's database itself (IndexedDB is
 * shared with the page; the page's live queries see the writes) and relays backupJob's answers.
 */
import { createDB } from './database'
import { errorInfo, inlineBackupJob, type FromWorker, type ToWorker } from './backupJob'

// The app's lib is the DOM's, not the worker's: the two calls used here, typed by hand.
const scope = self as unknown as {
  postMessage(message: FromWorker): void
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void
}
const db = createDB()
const job = inlineBackupJob(db)

const post = (message: FromWorker) => scope.postMessage(message)
const progress = (phase: 'read' | 'check' | 'write', done: number) => post({ type: 'progress', phase, done })

scope.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data
  if (message.type === 'cancel') return job.cancel()
  const run =
    message.type === 'check'
      ? job.check(
          message.file,
          {
            setIds: new Set(message.builtIn.setIds),
            questionIds: new Set(message.builtIn.questions.map((q) => q.id)),
            questions: message.builtIn.questions,
          },
          progress,
        )
      : job.apply(message.mode, progress)
  run.then(
    (value) => post({ id: message.id, type: 'result', value }),
    (e: unknown) => post({ id: message.id, type: 'error', error: errorInfo(e) }),
  )
})
