/** Writes src/domain/content/traditionalPairs.ts (`npm run traditional:questions`); see traditional-table.ts. */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { formatError } from '../src/domain/content/validate'
import { loadBank } from './load-questions'
import { blankCharacters, traditionalModule, traditionalPairs } from './traditional-table'

const { sets, errors } = loadBank()
if (errors.length > 0) {
  for (const e of errors) console.error(formatError(e))
  process.exit(1)
}
const target = fileURLToPath(new URL('../src/domain/content/traditionalPairs.ts', import.meta.url))
const pairs = traditionalPairs(blankCharacters(sets))
writeFileSync(target, traditionalModule(pairs))
console.log(`wrote src/domain/content/traditionalPairs.ts (${[...pairs].length / 2} characters)`)
