/**
 * Vite plugin (build only): marks the chunks that run at start-up for eager compilation.
 *
 * V8 compiles a function lazily, on its first call, on the main thread. At start-up nearly every
 * function of the first screen's chunks is called once, so that compiling lands inside the
 * start-up tasks and lengthens them (Lighthouse counts it as blocking time). The magic comment
 * `//# allFunctionsCalledOnLoad` on a file's first line asks V8 to compile the whole file
 * eagerly, while it streams in, off the main thread.
 * Browsers without the hint read an ordinary comment.
 *
 * Only chunks that run before the first screen settles are marked: the entry, what it imports
 * statically, and the chunks named in `alsoMatching` (the database, opened just after the first
 * paint). Marking a screen loaded later would compile code that may never run.
 */
import type { Plugin } from 'vite'

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n'

/** The minimal shape of a Rollup/Rolldown output chunk that this plugin reads. */
export interface ChunkInfo {
  type: 'chunk' | 'asset'
  fileName: string
  name?: string
  isEntry?: boolean
  imports?: readonly string[]
}

/** File names of the entry chunks and every chunk they import statically, transitively. */
export function startupChunks(bundle: Record<string, ChunkInfo>, alsoMatching?: RegExp): Set<string> {
  const found = new Set<string>()
  const visit = (fileName: string): void => {
    const chunk = bundle[fileName]
    if (!chunk || chunk.type !== 'chunk' || found.has(fileName)) return
    found.add(fileName)
    for (const dep of chunk.imports ?? []) visit(dep)
  }
  for (const chunk of Object.values(bundle)) {
    if (chunk.type !== 'chunk') continue
    if (chunk.isEntry || (alsoMatching && chunk.name !== undefined && alsoMatching.test(chunk.name))) visit(chunk.fileName)
  }
  return found
}

/** The code with the hint on its first line (once). */
export function withCompileHint(code: string): string {
  return code.startsWith(COMPILE_HINT) ? code : COMPILE_HINT + code
}

export function compileHints(options: { alsoMatching?: RegExp } = {}): Plugin {
  return {
    name: 'compile-hints',
    apply: 'build',
    generateBundle(_output, bundle) {
      for (const fileName of startupChunks(bundle as Record<string, ChunkInfo>, options.alsoMatching)) {
        const chunk = bundle[fileName]
        if (chunk?.type === 'chunk') chunk.code = withCompileHint(chunk.code)
      }
    },
  }
}

export default compileHints
