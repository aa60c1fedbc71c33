import * as z from 'zod';

/**
 * Turns the argument checks that failed at the contract's boundary into sentences a person can act
 * on, each naming its field in words ("The end date must be a date, like 2009-11-08."), never a
 * method name or a schema's own wording. A schema may name a field with `.meta({ title })`; its
 * own messages are either whole sentences ("An event needs a title.") or what the value must be
 * ("a date, like 2009-11-08").
 */

/** One field's problem: `field` is the top-level argument, `label` the words used for it. */
export interface FieldProblem {
  field: string;
  label: string;
  message: string;
}

/** Parse options that mark zod's own messages, so only the schema authors' messages are kept. */
const NO_MESSAGE = '\u0000';
export const ARGS_PARSE_OPTIONS = { error: () => NO_MESSAGE, reportInput: true } as const;

type Path = PropertyKey[];
interface Issue {
  code: string;
  path: Path;
  message: string;
  input?: unknown;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  format?: string;
  values?: unknown[];
  keys?: string[];
  errors?: Issue[][];
  /** A discriminated union's choices for its discriminator. */
  options?: unknown[];
}

/** Words for argument names that are not plain words by themselves. */
const KEY_WORDS: Record<string, string> = {
  from: 'start date',
  to: 'end date',
  url: 'address',
  homeUrl: 'home page address',
  html: 'text',
  md: 'text',
  rrule: 'repeat rule',
  q: 'search',
  mimeType: 'file type',
};

function defOf(schema: z.ZodType | undefined): Record<string, unknown> & { type?: string } {
  return ((schema as { _zod?: { def?: unknown } } | undefined)?._zod?.def ?? {}) as Record<string, unknown>;
}

/** The schema under optional(), default(), nullable() and the like. */
function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  for (let depth = 0; depth < 10 && current; depth++) {
    const def = defOf(current);
    const inner = (def.innerType ?? (def.type === 'pipe' ? def.in : undefined)) as z.ZodType | undefined;
    if (!inner) return current;
    current = inner;
  }
  return current;
}

function child(schema: z.ZodType | undefined, key: PropertyKey): z.ZodType | undefined {
  const def = defOf(unwrap(schema));
  if (def.type === 'object') return (def.shape as Record<string, z.ZodType>)[String(key)];
  if (def.type === 'array') return def.element as z.ZodType;
  if (def.type === 'record') return def.valueType as z.ZodType;
  return undefined;
}

function titleOf(schema: z.ZodType | undefined): string | undefined {
  const title = schema && z.globalRegistry.get(schema)?.title;
  return typeof title === 'string' ? title : undefined;
}

function keyWords(key: string): string {
  return KEY_WORDS[key] ?? key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** "end date", "address in entry 2 of the links", "entry 3 of the ids". */
function labelOf(root: z.ZodType, path: Path): string {
  let schema: z.ZodType | undefined = root;
  let label = '';
  for (const key of path) {
    schema = child(schema, key);
    const words = titleOf(schema);
    if (typeof key === 'number') {
      label = `entry ${key + 1} of the ${label || 'list'}`;
    } else {
      const name = words ?? keyWords(String(key));
      label = /^entry \d+ of/.test(label) ? `${name} in ${label}` : name;
    }
  }
  return label;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of named values',
  date: 'a date',
};

const FORMAT_WORDS: Record<string, string> = {
  url: 'a web address, like https://example.com/',
  email: 'an email address',
  datetime: 'a date and time, like 2009-11-08T09:30:00Z',
  date: 'a date, like 2009-11-08',
};

function sizeWords(issue: Issue, bound: 'at least' | 'at most'): string {
  const count = Number(bound === 'at least' ? issue.minimum : issue.maximum);
  if (issue.origin === 'string') {
    if (bound === 'at least' && count === 1) return 'must not be empty';
    return `must be ${bound} ${count} character${count === 1 ? '' : 's'} long`;
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    if (bound === 'at least' && count === 1) return 'must list at least one';
    return `must list ${bound} ${count}`;
  }
  const strict = issue.inclusive === false;
  if (bound === 'at least') return `must be ${strict ? 'more than' : 'at least'} ${count}`;
  return `must be ${strict ? 'less than' : 'at most'} ${count}`;
}

/** What is wrong, to follow the field's name: "must be text", "is missing". */
function predicate(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (!('input' in issue) || issue.input === undefined) return 'is missing';
      return `must be ${TYPE_WORDS[issue.expected ?? ''] ?? `a value of the right kind`}`;
    case 'too_small':
      return sizeWords(issue, 'at least');
    case 'too_big':
      return sizeWords(issue, 'at most');
    case 'invalid_format':
      return `must be ${FORMAT_WORDS[issue.format ?? ''] ?? 'written in the expected form'}`;
    case 'invalid_value': {
      const choices = (issue.values ?? []).map((value) => `“${String(value)}”`);
      return choices.length === 1
        ? `must be ${choices[0]}`
        : `must be one of ${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}`;
    }
    default:
      return 'is not valid';
  }
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The union branch that came closest (fewest problems), its paths made whole. */
function closestBranch(issue: Issue): Issue[] {
  const branches = [...(issue.errors ?? [])].sort((a, b) => a.length - b.length);
  return (branches[0] ?? []).map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }));
}

function explainOne(root: z.ZodType, issue: Issue): FieldProblem[] {
  if (issue.code === 'invalid_union' && issue.errors?.length) {
    return closestBranch(issue).flatMap((inner) => explainOne(root, inner));
  }
  if (issue.code === 'invalid_union' && Array.isArray(issue.options)) {
    return explainOne(root, { ...issue, code: 'invalid_value', values: issue.options });
  }
  if (issue.code === 'unrecognized_keys') {
    return (issue.keys ?? []).map((key) => {
      const label = labelOf(root, [...issue.path, key]);
      return { field: String(issue.path[0] ?? key), label, message: `There is no “${label}” field here.` };
    });
  }
  const field = String(issue.path[0] ?? '');
  const label = issue.path.length > 0 ? labelOf(root, issue.path) : 'request';
  const own = issue.message !== NO_MESSAGE ? issue.message.trim() : '';
  let message: string;
  if (/[.!?]$/.test(own)) message = own;
  else if (own) message = `The ${label} must be ${own}.`;
  else message = `The ${label} ${predicate(issue)}.`;
  return [{ field, label, message: capitalise(message) }];
}

/** Every problem of a failed parse, one per field and message, and the sentences to show. */
export function explainInvalidArgs(
  schema: z.ZodType,
  issues: readonly unknown[],
): { message: string; fields: FieldProblem[] } {
  const fields: FieldProblem[] = [];
  for (const issue of issues as Issue[]) {
    for (const problem of explainOne(schema, issue)) {
      if (!fields.some((seen) => seen.message === problem.message)) fields.push(problem);
    }
  }
  const shown = fields.slice(0, 3).map((problem) => problem.message);
  const more = fields.length > 3 ? ` (and ${fields.length - 3} more)` : '';
  return { message: `${shown.join(' ')}${more}`, fields };
}

/** The problem a failed call reported for one field, to show on that field. */
export function fieldProblem(error: unknown, field: string): string | undefined {
  const detail = (error as { detail?: { fields?: FieldProblem[] } } | null)?.detail;
  return detail?.fields?.find((problem) => problem.field === field)?.message;
}
