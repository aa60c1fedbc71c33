import type { z } from 'zod';

const UNITS: Record<string, [string, string]> = {
  string: ['long', 'characters'],
  array: ['many', 'items'],
  set: ['many', 'items'],
  file: ['large', 'bytes'],
};

function count(value: unknown): string {
  return typeof value === 'number' || typeof value === 'bigint'
    ? Number(value).toLocaleString('en')
    : String(value);
}

/**
 * One schema problem as words a person can act on: which field, and the limit it broke ("title is
 * too long: at most 1,000 characters"), instead of "Wrong arguments".
 */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length ? issue.path.map(String).join('.') : 'the request';
  switch (issue.code) {
    case 'too_big': {
      const [adjective, unit] = UNITS[issue.origin] ?? ['large', ''];
      return `${field} is too ${adjective}: at most ${count(issue.maximum)}${unit ? ` ${unit}` : ''}`;
    }
    case 'too_small': {
      const [, unit] = UNITS[issue.origin] ?? ['', ''];
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return `${field} is empty`;
      return `${field} is too ${unit ? 'short' : 'small'}: at least ${count(issue.minimum)}${unit ? ` ${unit}` : ''}`;
    }
    case 'invalid_type':
      return `${field} is missing or is not ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
    case 'invalid_format':
      return `${field} is not a valid ${issue.format}`;
    case 'invalid_value':
      return `${field} must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'unrecognized_keys':
      return `${issue.keys.join(', ')} ${issue.keys.length === 1 ? 'is not a known field' : 'are not known fields'}`;
    default:
      return `${field}: ${issue.message}`;
  }
}

/** The sentence for arguments that do not fit a method. */
export function argumentProblem(method: string, issues: z.core.$ZodIssue[]): string {
  const described = [...new Set(issues.slice(0, 3).map(describeIssue))];
  return `Wrong arguments for ${method}: ${described.join('; ')}.`;
}
