/**
 * Vite plugin (build only): the interface strings in src/i18n/<locale>.ts are compiled at build
 * time into the message ASTs that vue-i18n's runtime evaluates directly. The production bundle
 * then leaves out the message compiler (`__INTLIFY_DROP_MESSAGE_COMPILER__`), which is about a
 * third of vue-i18n's size, and the first screen does not spend time parsing its strings.
 *
 * Dev and unit tests keep the source strings and the full vue-i18n (it accepts both forms).
 * A message that does not parse fails the build with its key.
 */
import { baseCompile } from '@intlify/message-compiler'
import type { Plugin } from 'vite'

/** A locale file's messages: nested objects whose leaves are message strings. */
export interface MessageTree {
  [key: string]: string | MessageTree
}

/** The same tree with every string replaced by its (minified) message AST. */
export function precompileMessages(tree: MessageTree, path = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(tree)) {
    const at = path ? `${path}.${key}` : key
    if (typeof value === 'string') {
      const errors: string[] = []
      const { ast } = baseCompile(value, {
        jit: true,
        minify: true,
        location: false,
        onError: (e) => errors.push(e.message),
      })
      if (errors.length > 0) throw new Error(`i18n: message ${at} does not compile: ${errors.join('; ')}`)
      // A message without placeholders is evaluated from its `s` (static text) alone.
      const body = (ast as unknown as { b?: { s?: string; i?: unknown } }).b
      if (body?.s != null) delete body.i
      out[key] = ast
    } else if (value && typeof value === 'object') {
      out[key] = precompileMessages(value, at)
    } else {
      throw new Error(`i18n: message ${at} is not a string`)
    }
  }
  return out
}

/** A message AST that is only static text: `{ t: 0, b: { t: 2, s } }`. */
function staticText(ast: unknown): string | null {
  const a = ast as { t?: number; b?: { t?: number; s?: unknown; i?: unknown } }
  const keys = a.b ? Object.keys(a.b).sort().join() : ''
  return a.t === 0 && keys === 's,t' && a.b?.t === 2 && typeof a.b.s === 'string' ? a.b.s : null
}

/**
 * The module for a compiled tree. Most messages are plain text, so they are written as `s("…")`
 * with one shared helper instead of repeating the same AST wrapper around each.
 */
export function messagesModule(compiled: Record<string, unknown>): string {
  const emit = (node: unknown): string => {
    const text = staticText(node)
    if (text != null) return `s(${JSON.stringify(text)})`
    const isAst = !!node && typeof node === 'object' && typeof (node as { t?: unknown }).t === 'number' && 'b' in node
    if (node && typeof node === 'object' && !isAst) {
      return `{${Object.entries(node).map(([k, v]) => `${JSON.stringify(k)}:${emit(v)}`).join(',')}}`
    }
    return JSON.stringify(node)
  }
  return `const s = (s) => ({ t: 0, b: { t: 2, s } })\nexport default ${emit(compiled)}\n`
}

/** Runs a module that has no imports (a locale file after TypeScript is stripped) and returns its default export. */
async function evaluateDefault(code: string): Promise<unknown> {
  const mod = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as { default?: unknown }
  return mod.default
}

export interface I18nPrecompileOptions {
  /** Which modules hold messages. Default: src/i18n/<two letters>.ts */
  include?: RegExp
}

export function i18nPrecompile(options: I18nPrecompileOptions = {}): Plugin {
  const include = options.include ?? /\/src\/i18n\/[a-z]{2}\.ts$/
  let base = '/'
  return {
    name: 'i18n-precompile',
    apply: 'build',
    // After TypeScript has been stripped, so the module can be evaluated as plain JavaScript.
    enforce: 'post',
    configResolved(config) {
      base = config.base
    },
    config: () => ({
      define: {
        // Every message arrives compiled, so the compiler is dead code in the bundle.
        __INTLIFY_DROP_MESSAGE_COMPILER__: true,
      },
    }),
    // The app waits for the learner's language before its first render, and the script that
    // picks it runs only after the entry is loaded. Preloading every locale chunk (a few KB each)
    // with the entry removes that wait; which one is needed is only known in the browser.
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter(
          (c) => c.type === 'chunk' && c.facadeModuleId != null && include.test(c.facadeModuleId),
        )
        return chunks.map((c) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${c.fileName}` },
          injectTo: 'head' as const,
        }))
      },
    },
    async transform(code, id) {
      if (!include.test(id.split('?')[0] ?? id)) return undefined
      const messages = await evaluateDefault(code)
      if (!messages || typeof messages !== 'object') return this.error(`i18n: ${id} has no default export of messages`)
      try {
        const compiled = precompileMessages(messages as MessageTree)
        return { code: messagesModule(compiled), map: null }
      } catch (e) {
        return this.error(`${id}: ${(e as Error).message}`)
      }
    },
  }
}

export default i18nPrecompile
