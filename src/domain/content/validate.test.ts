import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { findJsonError, formatError, parseSetJson, sortSets, validateBank, validateSet } from './validate'
import type { ContentError } from './validate'
import type { QuestionSet } from './schema'
import { L as t, matchingOf, orderingOf } from './testing'

const FILE = 'questions/demo.json'

/** A small set with one question of every type; every rule holds. */
function fixture() {
  return {
    $schema: './question-set.schema.json',
    id: 'demo',
    order: 1,
    title: t('示例', 'Demo'),
    description: t('一个示例题组。', 'A sample set.'),
    keyPoints: [t('要点一', 'Point one')],
    questions: [
      {
        id: 'demo-single',
        type: 'single',
        prompt: t('谁?', 'Who?'),
        explanation: t('因为。', 'Because.'),
        source: { paragraph: 3, quote: '金融时报' },
        tags: ['people'],
        choices: [
          { id: 'a', text: t('甲', 'A') },
          { id: 'b', text: t('乙', 'B') },
          { id: 'c', text: t('丙', 'C') },
        ],
        answer: 'b',
      },
      {
        id: 'demo-multiple',
        type: 'multiple',
        prompt: t('哪些?', 'Which?'),
        explanation: t('因为。', 'Because.'),
        source: { paragraph: [5, 6], quote: ['千问', '开源'] },
        choices: [
          { id: 'a', text: t('甲', 'A') },
          { id: 'b', text: t('乙', 'B') },
          { id: 'c', text: t('丙', 'C') },
          { id: 'd', text: t('丁', 'D') },
        ],
        answer: ['a', 'c'],
      },
      {
        id: 'demo-tf',
        type: 'truefalse',
        prompt: t('对吗?', 'True?'),
        explanation: t('对。', 'Yes.'),
        answer: true,
      },
      {
        id: 'demo-blank',
        type: 'blank',
        prompt: t('____ 是谁?', 'Who is ____?'),
        explanation: t('千问。', 'Qwen.'),
        answer: t('千问', 'Qwen'),
        accepted: ['通义千问', 'Tongyi Qwen'],
      },
      {
        id: 'demo-numeric',
        type: 'numeric',
        prompt: t('多少?', 'How many?'),
        explanation: t('119。', '119.'),
        value: 119,
        tolerance: 10,
        unit: t('个', 'items'),
      },
      orderingOf('demo-ordering', t('排序', 'Order them'), t('顺序。', 'The order.'), [
        ['x', '降本算力', 'Cheaper compute'],
        ['y', '开源扩散', 'Open-source spread'],
        ['z', '生态繁荣', 'Thriving ecosystem'],
      ]),
      matchingOf('demo-matching', t('配对', 'Match'), t('配对。', 'Pairs.'), [
        ['p1', t('甲', 'A'), t('一', 'One')],
        ['p2', t('乙', 'B'), t('二', 'Two')],
      ]),
      {
        id: 'demo-card',
        type: 'flashcard',
        prompt: t('正面', 'Front'),
        explanation: t('说明', 'Note'),
        back: t('背面', 'Back'),
      },
    ],
  }
}

type Fixture = ReturnType<typeof fixture>
type Json = Record<string, unknown>

/** The fixture with question `id` changed by `edit`. */
function withQuestion(id: string, edit: (q: Json) => void): Fixture {
  const set = fixture()
  const q = set.questions.find((x) => x.id === id)
  if (!q) throw new Error(`no question ${id}`)
  edit(q as unknown as Json)
  return set
}

function errorsOf(data: unknown, paragraphCount?: number): ContentError[] {
  const r = validateSet(data, { file: FILE, paragraphCount })
  return r.ok ? [] : r.errors
}

/** The one formatted error a broken set gives. */
function onlyError(data: unknown, paragraphCount?: number): string {
  const errors = errorsOf(data, paragraphCount).map(formatError)
  expect(errors).toHaveLength(1)
  return errors[0]!
}

describe('validateSet: a valid set', () => {
  it('passes and returns the set', () => {
    const r = validateSet(fixture(), { file: FILE, paragraphCount: 39 })
    expect(r.ok ? [] : r.errors.map(formatError)).toEqual([])
    expect(r.ok && r.set.questions).toHaveLength(8)
  })

  it('trims texts in the returned set', () => {
    const set = fixture()
    set.title = t('  示例 ', ' Demo ')
    const r = validateSet(set, { file: FILE })
    expect(r.ok && r.set.title).toEqual(t('示例', 'Demo'))
  })
})

describe('formatError', () => {
  it('writes file › question id › path: message', () => {
    expect(
      formatError({ file: 'questions/routes.json', questionId: 'routes-chain', path: 'answer[2]', message: '"开源扩散" is not one of the items' }),
    ).toBe('questions/routes.json › routes-chain › answer[2]: "开源扩散" is not one of the items')
  })
  it('leaves out the id outside a question, and the path when there is none', () => {
    expect(formatError({ file: 'questions/a.json', path: 'keyPoints[0].en', message: 'm' })).toBe('questions/a.json › keyPoints[0].en: m')
    expect(formatError({ file: 'questions/a.json', path: '', message: 'm' })).toBe('questions/a.json: m')
  })
})

describe('validateSet: shape errors', () => {
  it('missing en', () => {
    const set = withQuestion('demo-single', (q) => {
      q.prompt = { zh: '谁?' }
    })
    expect(errorsOf(set)).toEqual([
      {
        file: FILE,
        questionId: 'demo-single',
        path: 'prompt.en',
        message: 'missing — every learner-facing string needs both zh and en',
      },
    ])
  })

  it('empty en (after trimming)', () => {
    const set = withQuestion('demo-tf', (q) => {
      q.explanation = t('对。', '   ')
    })
    expect(onlyError(set)).toBe('questions/demo.json › demo-tf › explanation.en: must not be empty')
  })

  it('missing en outside a question', () => {
    const set = fixture()
    set.keyPoints = [{ zh: '要点' } as { zh: string; en: string }]
    expect(onlyError(set)).toBe(
      'questions/demo.json › keyPoints[0].en: missing — every learner-facing string needs both zh and en',
    )
  })

  it('unknown field', () => {
    const set = withQuestion('demo-single', (q) => {
      q.anwser = 'b'
    })
    expect(onlyError(set)).toBe('questions/demo.json › demo-single: unknown field "anwser"')
  })

  it('unknown field in a nested object', () => {
    const set = withQuestion('demo-single', (q) => {
      q.source = { paragraph: 3, quote: '金融时报', page: 2 }
    })
    expect(onlyError(set)).toBe('questions/demo.json › demo-single › source: unknown field "page"')
  })

  it('wrong type literal', () => {
    const set = withQuestion('demo-single', (q) => {
      q.type = 'singel'
    })
    expect(onlyError(set)).toBe(
      'questions/demo.json › demo-single › type: "singel" is not one of single, multiple, truefalse, blank, numeric, ordering, matching, flashcard',
    )
  })

  it('single with the answer missing', () => {
    const set = withQuestion('demo-single', (q) => {
      delete q.answer
    })
    expect(onlyError(set)).toBe('questions/demo.json › demo-single › answer: missing')
  })

  it('a value of the wrong type', () => {
    const set = withQuestion('demo-numeric', (q) => {
      q.value = '119'
    })
    expect(onlyError(set)).toBe('questions/demo.json › demo-numeric › value: must be a number, got "119"')
  })

  it('numeric tolerance negative', () => {
    const set = withQuestion('demo-numeric', (q) => {
      q.tolerance = -1
    })
    expect(onlyError(set)).toBe('questions/demo.json › demo-numeric › tolerance: must not be negative')
  })

  it('an order that is not finite (1e309 in the file reads as Infinity)', () => {
    for (const order of [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(onlyError({ ...fixture(), order }, 39)).toBe('questions/demo.json › order: must be a finite number, such as 1 or 2.5')
    }
    expect(errorsOf(JSON.parse('{"order": 1e309}') as unknown)).toContainEqual(
      expect.objectContaining({ path: 'order', message: 'must be a finite number, such as 1 or 2.5' }),
    )
    expect(onlyError({ ...fixture(), order: Number.NaN }, 39)).toBe('questions/demo.json › order: must be a number, got NaN')
    expect(errorsOf({ ...fixture(), order: 2.5 }, 39)).toEqual([])
  })

  it('paragraph 0', () => {
    const set = withQuestion('demo-single', (q) => {
      q.source = { paragraph: 0, quote: '金融时报' }
    })
    expect(onlyError(set, 39)).toBe('questions/demo.json › demo-single › source.paragraph: must be 1 or more')
  })

  it('a question without a readable id keeps its full path', () => {
    const set = withQuestion('demo-tf', (q) => {
      delete q.id
    })
    expect(onlyError(set)).toBe('questions/demo.json › questions[2].id: missing')
  })

  it('a question that is not an object', () => {
    const set = fixture() as unknown as { questions: unknown[] }
    set.questions.push(null)
    expect(onlyError(set)).toBe('questions/demo.json › questions[8]: must be an object, got null')
  })

  it('a set that is not an object', () => {
    expect(onlyError([1, 2])).toBe('questions/demo.json: must be an object (a question set), got a list')
  })

  it('reports every shape problem at once', () => {
    const set = withQuestion('demo-single', (q) => {
      q.prompt = { zh: '谁?' }
      q.extra = 1
    }) as unknown as Json
    set.colour = 'red'
    expect(errorsOf(set).map(formatError)).toEqual([
      'questions/demo.json › demo-single › prompt.en: missing — every learner-facing string needs both zh and en',
      'questions/demo.json › demo-single: unknown field "extra"',
      'questions/demo.json: unknown field "colour"',
    ])
  })
})

describe('validateSet: rules', () => {
  it('question ids unique within the set', () => {
    const set = withQuestion('demo-tf', (q) => {
      q.id = 'demo-single'
    })
    expect(onlyError(set)).toBe('questions/demo.json › demo-single › id: "demo-single" is already the id of questions[0] in this set')
  })

  it('single: the answer refers to a missing choice', () => {
    const set = withQuestion('demo-single', (q) => {
      q.answer = 'e'
    })
    expect(onlyError(set)).toBe('questions/demo.json › demo-single › answer: "e" is not one of the choices (a, b, c)')
  })

  it('multiple: an answer refers to a missing choice', () => {
    const set = withQuestion('demo-multiple', (q) => {
      q.answer = ['a', 'e']
    })
    expect(onlyError(set)).toBe('questions/demo.json › demo-multiple › answer[1]: "e" is not one of the choices (a, b, c, d)')
  })

  it('multiple: an answer listed twice', () => {
    const set = withQuestion('demo-multiple', (q) => {
      q.answer = ['a', 'c', 'a']
    })
    expect(onlyError(set)).toBe('questions/demo.json › demo-multiple › answer[2]: "a" is listed twice')
  })

  it('multiple with 1 correct', () => {
    const set = withQuestion('demo-multiple', (q) => {
      q.answer = ['a']
    })
    expect(onlyError(set)).toBe(
      'questions/demo.json › demo-multiple › answer: needs at least 2 correct choices, has 1 (use type "single" for one correct answer)',
    )
  })

  it('multiple with all correct', () => {
    const set = withQuestion('demo-multiple', (q) => {
      q.answer = ['a', 'b', 'c', 'd']
    })
    expect(onlyError(set)).toBe(
      'questions/demo.json › demo-multiple › answer: every choice is marked correct; at least 1 choice must be wrong',
    )
  })

  it('choice ids unique', () => {
    const set = withQuestion('demo-single', (q) => {
      q.choices = [
        { id: 'a', text: t('甲', 'A') },
        { id: 'b', text: t('乙', 'B') },
        { id: 'a', text: t('丙', 'C') },
      ]
    })
    expect(onlyError(set)).toBe('questions/demo.json › demo-single › choices[2].id: "a" is already used by choices[0]')
  })

  it('duplicate option text (zh, after trimming)', () => {
    const set = withQuestion('demo-single', (q) => {
      q.choices = [
        { id: 'a', text: t('甲', 'A') },
        { id: 'b', text: t('乙', 'B') },
        { id: 'c', text: t(' 甲 ', 'C') },
      ]
    })
    expect(onlyError(set)).toBe('questions/demo.json › demo-single › choices[2].text.zh: same text as choices[0].text.zh ("甲")')
  })

  it('duplicate option text (en)', () => {
    const set = withQuestion('demo-multiple', (q) => {
      ;(q.choices as { text: { en: string } }[])[3]!.text.en = 'B'
    })
    expect(onlyError(set)).toBe('questions/demo.json › demo-multiple › choices[3].text.en: same text as choices[1].text.en ("B")')
  })

  it('ordering: duplicate items', () => {
    const set = withQuestion('demo-ordering', (q) => {
      q.items = [
        { id: 'x', text: t('降本算力', 'Cheaper compute') },
        { id: 'y', text: t('开源扩散', 'Open-source spread') },
        { id: 'z', text: t('开源扩散', 'Thriving ecosystem') },
        { id: 'y', text: t('生态繁荣', 'Growth') },
      ]
      q.answer = ['x', 'y', 'z']
    })
    expect(errorsOf(set).map(formatError)).toEqual([
      'questions/demo.json › demo-ordering › items[3].id: "y" is already used by items[1]',
      'questions/demo.json › demo-ordering › items[2].text.zh: same text as items[1].text.zh ("开源扩散")',
    ])
  })

  it('ordering: answer that is not a permutation of the items', () => {
    const set = withQuestion('demo-ordering', (q) => {
      q.answer = ['x', 'x', 'w']
    })
    expect(errorsOf(set).map(formatError)).toEqual([
      'questions/demo.json › demo-ordering › answer[1]: "x" is listed twice',
      'questions/demo.json › demo-ordering › answer[2]: "w" is not one of the items',
      'questions/demo.json › demo-ordering › answer: leaves out "y", "z"; the answer must list every item exactly once',
    ])
  })

  it('matching: duplicate pair ids and left texts', () => {
    const set = withQuestion('demo-matching', (q) => {
      q.pairs = [
        { id: 'p1', left: t('甲', 'A'), right: t('一', 'One') },
        { id: 'p1', left: t('甲', 'B'), right: t('二', 'Two') },
      ]
    })
    expect(errorsOf(set).map(formatError)).toEqual([
      'questions/demo.json › demo-matching › pairs[1].id: "p1" is already used by pairs[0]',
      'questions/demo.json › demo-matching › pairs[1].left.zh: same text as pairs[0].left.zh ("甲")',
    ])
  })

  it('matching: duplicate rights', () => {
    const set = withQuestion('demo-matching', (q) => {
      q.pairs = [
        { id: 'p1', left: t('甲', 'A'), right: t('一', 'One') },
        { id: 'p2', left: t('乙', 'B'), right: t('二', 'One') },
      ]
    })
    expect(onlyError(set)).toBe('questions/demo.json › demo-matching › pairs[1].right.en: same text as pairs[0].right.en ("One")')
  })

  it('numeric tolerance too loose', () => {
    const set = withQuestion('demo-numeric', (q) => {
      q.tolerance = 50
    })
    expect(onlyError(set)).toBe('questions/demo.json › demo-numeric › tolerance: tolerance 50 is too loose for value 119 (max 10% = 11.9)')
  })

  it('numeric tolerance of exactly 10% is fine', () => {
    const set = withQuestion('demo-numeric', (q) => {
      q.tolerance = 11.9
    })
    expect(errorsOf(set)).toEqual([])
  })

  it('numeric tolerance not smaller than a small value', () => {
    const set = withQuestion('demo-numeric', (q) => {
      q.value = -0.3
      q.tolerance = 0.3
    })
    expect(onlyError(set)).toBe('questions/demo.json › demo-numeric › tolerance: tolerance 0.3 must be smaller than the value -0.3')
  })

  it('numeric: a small value may have a wider relative tolerance', () => {
    const set = withQuestion('demo-numeric', (q) => {
      q.value = 5
      q.tolerance = 1
    })
    expect(errorsOf(set)).toEqual([])
  })

  it('blank: an accepted form that repeats the answer', () => {
    const set = withQuestion('demo-blank', (q) => {
      q.accepted = ['通义千问', ' qwen! ']
    })
    expect(onlyError(set)).toBe(
      'questions/demo.json › demo-blank › accepted[1]: " qwen! " repeats answer.en (matching ignores case, width, spaces and punctuation)',
    )
  })

  it('blank: accepted forms that repeat each other or are empty', () => {
    const set = withQuestion('demo-blank', (q) => {
      q.accepted = ['通义千问', '通义 千问', '。。']
    })
    expect(errorsOf(set).map(formatError)).toEqual([
      'questions/demo.json › demo-blank › accepted[1]: "通义 千问" repeats accepted[0] (matching ignores case, width, spaces and punctuation)',
      'questions/demo.json › demo-blank › accepted[2]: "。。" is empty once case, spaces and punctuation are ignored',
    ])
  })

  it('blank: an answer of symbols only can never be typed', () => {
    const set = withQuestion('demo-blank', (q) => {
      q.answer = t('$', 'Qwen')
    })
    expect(onlyError(set)).toBe('questions/demo.json › demo-blank › answer.zh: "$" is empty once case, spaces and punctuation are ignored')
  })

  it('blank: forms that differ only in a symbol that carries meaning do not collide', () => {
    const set = withQuestion('demo-blank', (q) => {
      q.answer = t('C', 'C')
      q.accepted = ['C++', 'C#', '1/4', '14']
    })
    // "C++" and "C#" are other answers, not repeats of "C"; "1/4" and "14" are two different numbers.
    expect(errorsOf(set).map(formatError)).toEqual([
      'questions/demo.json › demo-blank › accepted[3]: "14" reads as the number 14, but accepted[2] "1/4" reads as 0.25: the forms of one blank must name the same answer',
    ])
  })

  it('blank: number forms that agree pass, whatever their spelling', () => {
    const set = withQuestion('demo-blank', (q) => {
      q.answer = t('四分之一', 'a quarter')
      q.accepted = ['1/4', '25%', '百分之二十五', 'one fourth', '0.25']
    })
    expect(errorsOf(set)).toEqual([])
  })

  it('numeric: the answer as shown must be graded right (units that disagree between languages are caught)', () => {
    const set = withQuestion('demo-numeric', (q) => {
      q.value = 30_000_000_000
      q.tolerance = 0
      q.unit = t('美元', 'yuan')
    })
    expect(errorsOf(set).map(formatError)).toEqual([
      'questions/demo.json › demo-numeric › unit.en: the answer as learners see it, "30 billion yuan", is not graded right; give value in plain units (300亿 is 30000000000) and the same unit in zh and en',
    ])
  })

  it('numeric: a unit the grader knows, in both languages, passes', () => {
    for (const unit of [t('美元', 'US dollars'), t('元', 'yuan'), t('%', '%'), t('年', 'years'), t('月', '(month number)'), t('行', 'rows')]) {
      const set = withQuestion('demo-numeric', (q) => {
        q.value = 11
        q.tolerance = 0
        q.unit = unit
      })
      expect(errorsOf(set), unit.en).toEqual([])
    }
  })

  it('a placeholder text', () => {
    const set = withQuestion('demo-card', (q) => {
      q.back = t('背面', 'TODO')
    })
    expect(onlyError(set)).toBe('questions/demo.json › demo-card › back.en: "TODO" looks like a placeholder, not a real text')
  })

  it('paragraph 40 of 39', () => {
    const set = withQuestion('demo-single', (q) => {
      q.source = { paragraph: 40, quote: '金融时报' }
    })
    expect(onlyError(set, 39)).toBe(
      'questions/demo.json › demo-single › source.paragraph: 40 is past the end of the article (paragraphs 1..39)',
    )
    expect(errorsOf(set)).toEqual([]) // without a paragraph count there is no upper bound
  })

  it('paragraph 40 in a list', () => {
    const set = withQuestion('demo-multiple', (q) => {
      q.source = { paragraph: [39, 40], quote: '千问' }
    })
    expect(onlyError(set, 39)).toBe(
      'questions/demo.json › demo-multiple › source.paragraph[1]: 40 is past the end of the article (paragraphs 1..39)',
    )
  })

  it('checks the rules of well-shaped questions even when another question is broken', () => {
    const set = fixture() as unknown as { questions: Json[] }
    set.questions[0]!.answer = 'e'
    set.questions[2]!.type = 'tf'
    expect(errorsOf(set).map(formatError)).toEqual([
      'questions/demo.json › demo-tf › type: "tf" is not one of single, multiple, truefalse, blank, numeric, ordering, matching, flashcard',
      'questions/demo.json › demo-single › answer: "e" is not one of the choices (a, b, c)',
    ])
  })
})

describe('validateBank', () => {
  const other = () => {
    const set = fixture()
    set.id = 'other'
    set.questions = set.questions.map((q) => ({ ...q, id: q.id.replace('demo', 'other') }))
    return set
  }

  it('accepts sets with distinct ids', () => {
    const r = validateBank(
      [
        { file: 'questions/demo.json', data: fixture() },
        { file: 'questions/other.json', data: other() },
      ],
      { paragraphCount: 39 },
    )
    expect(r.errors).toEqual([])
    expect(r.sets.map((s) => s.id)).toEqual(['demo', 'other'])
  })

  it('duplicate question id across two sets', () => {
    const second = other()
    second.questions[4]!.id = 'demo-numeric'
    const r = validateBank(
      [
        { file: 'questions/demo.json', data: fixture() },
        { file: 'questions/other.json', data: second },
      ],
      {},
    )
    expect(r.errors.map(formatError)).toEqual([
      'questions/other.json › demo-numeric › id: "demo-numeric" is also a question id in questions/demo.json',
    ])
  })

  it('duplicate set id', () => {
    const second = other()
    second.id = 'demo'
    const r = validateBank(
      [
        { file: 'questions/demo.json', data: fixture() },
        { file: 'questions/demo-2.json', data: second },
      ],
      {},
    )
    expect(r.errors.map(formatError)).toEqual(['questions/demo-2.json › id: set id "demo" is also used by questions/demo.json'])
  })

  it('returns only the valid sets, with every error', () => {
    const broken = other()
    broken.keyPoints = []
    const r = validateBank(
      [
        { file: 'questions/demo.json', data: fixture() },
        { file: 'questions/other.json', data: broken },
      ],
      {},
    )
    expect(r.sets.map((s) => s.id)).toEqual(['demo'])
    expect(r.errors.map(formatError)).toEqual(['questions/other.json › keyPoints: needs at least one key point'])
  })

  it('sortSets orders by order, then id, sets without order last', () => {
    const mk = (id: string, order?: number) => ({ ...fixture(), id, order }) as unknown as QuestionSet
    expect(sortSets([mk('c'), mk('b', 2), mk('a', 2), mk('z', 1)]).map((s) => s.id)).toEqual(['z', 'a', 'b', 'c'])
  })
})

describe('invalid JSON', () => {
  it('names the line and column', () => {
    const text = '{\n  "id": "demo",\n  "title": { "zh": "示例" "en": "Demo" }\n}\n'
    const r = parseSetJson('questions/x.json', text)
    expect(r.ok ? '' : formatError(r.error)).toBe(
      'questions/x.json: invalid JSON at line 3, column 25: expected "," or "}" after a property value, found "\\""',
    )
  })

  it('reports a trailing comma and the end of the file', () => {
    const trailing = parseSetJson('questions/x.json', '{\n  "a": [1, 2,],\n}')
    expect(trailing.ok ? '' : formatError(trailing.error)).toBe('questions/x.json: invalid JSON at line 2, column 14: trailing comma before "]"')
    const cut = parseSetJson('questions/x.json', '{\n  "a": ')
    expect(cut.ok ? '' : formatError(cut.error)).toBe('questions/x.json: invalid JSON at line 2, column 8: unexpected end of file; a value is missing')
  })

  it('accepts a byte-order mark', () => {
    expect(parseSetJson('questions/x.json', '\uFEFF{"a":1}')).toEqual({ ok: true, data: { a: 1 } })
  })

  it('agrees with JSON.parse on what is valid', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (value, cut) => {
        const text = JSON.stringify(value, null, 2)
        expect(findJsonError(text)).toBeNull()
        const broken = text.slice(0, cut % (text.length + 1))
        let valid = true
        try {
          JSON.parse(broken)
        } catch {
          valid = false
        }
        expect(findJsonError(broken) === null).toBe(valid)
      }),
    )
  })
})

describe('validateSet never throws', () => {
  const check = (data: unknown) => {
    const r = validateSet(data, { file: FILE, paragraphCount: 39 })
    if (!r.ok) {
      expect(r.errors.length).toBeGreaterThan(0)
      for (const e of r.errors) expect(typeof formatError(e)).toBe('string')
    } else expect(r.set).toBeDefined()
  }

  it('for arbitrary JSON values', () => {
    fc.assert(fc.property(fc.jsonValue(), check), { numRuns: 300 })
  })

  it('for arbitrary values', () => {
    fc.assert(fc.property(fc.anything(), check), { numRuns: 300 })
  })

  it('for sets with arbitrary values in every field', () => {
    const base = fixture()
    const keys = Object.keys(base)
    const qKeys = ['id', 'type', 'prompt', 'choices', 'answer', 'items', 'pairs', 'value', 'tolerance', 'source', 'accepted']
    fc.assert(
      fc.property(
        fc.constantFrom(...keys),
        fc.nat(7),
        fc.constantFrom(...qKeys),
        fc.jsonValue(),
        (setKey, qi, qKey, value) => {
          const set = fixture() as unknown as Json & { questions: Json[] }
          if (setKey !== 'questions') set[setKey] = value
          set.questions[qi]![qKey] = value
          check(set)
        },
      ),
      { numRuns: 500 },
    )
    // 500 whole-set validations, each grading its typed answers as shown: about 2 s on an idle machine.
  }, 30_000)
})
