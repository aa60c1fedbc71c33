import { CoreFailure } from '../../../../shared/contract/errors';
import type { Mf2Properties, Mf2Value, MicropubCreate, MicropubFormat } from './micropub-types';

/** `{"type":["h-entry"],"properties":{...}}`: every value already a list. */
export function jsonCreate(post: MicropubCreate): string {
  return JSON.stringify({ type: [post.type], properties: post.properties });
}

/**
 * Form fields of a create: `h=entry`, one value as `name`, several as `name[]` (Micropub §3.3.1).
 * Form encoding carries only plain text and URLs; a post with HTML content, alt text or a nested
 * object needs JSON, and saying so is better than silently dropping those parts.
 */
export function formFields(post: MicropubCreate): [string, string][] {
  const fields: [string, string][] = [['h', post.type.slice(2)]];
  for (const [name, values] of Object.entries(post.properties)) {
    const texts = values.map((v) => plainValue(name, v));
    if (texts.length === 1) fields.push([name, texts[0]!]);
    else for (const text of texts) fields.push([`${name}[]`, text]);
  }
  return fields;
}

function plainValue(name: string, value: Mf2Value): string {
  if (typeof value === 'string') return value;
  if ('value' in value && !('html' in value) && !('alt' in value && value.alt) && !('type' in value)) {
    return value.value;
  }
  throw new CoreFailure(
    'invalid-args',
    `The "${name}" of this post (HTML, alt text or a nested object) cannot be sent form-encoded. Publish it as JSON instead (--format json).`,
  );
}

export function formBody(fields: [string, string][]): URLSearchParams {
  return new URLSearchParams(fields);
}

/** A multipart create: the form fields as text parts and each file as a `photo`/`video`/`audio` part. */
export function multipartCreate(post: MicropubCreate): FormData {
  const form = new FormData();
  for (const [name, value] of formFields(post)) form.append(name, value);
  const files = post.files ?? [];
  const counts = new Map<string, number>();
  for (const file of files) counts.set(file.property, (counts.get(file.property) ?? 0) + 1);
  for (const file of files) {
    const name = (counts.get(file.property) ?? 0) > 1 ? `${file.property}[]` : file.property;
    form.append(name, new Blob([file.data], { type: file.mimeType }), file.filename);
  }
  return form;
}

/** Files can travel only in a multipart request; anything else with files is a caller's mistake. */
export function checkFormat(post: MicropubCreate, format: MicropubFormat): void {
  if ((post.files?.length ?? 0) > 0 && format !== 'multipart') {
    throw new CoreFailure(
      'invalid-args',
      'This post carries files but the blog has no media endpoint: publish it as multipart (--format multipart).',
    );
  }
}

export function jsonUpdate(
  url: string,
  update: { replace?: Mf2Properties; add?: Mf2Properties; delete?: string[] | Mf2Properties },
): string {
  const body: Record<string, unknown> = { action: 'update', url };
  if (update.replace && Object.keys(update.replace).length) body.replace = update.replace;
  if (update.add && Object.keys(update.add).length) body.add = update.add;
  if (
    update.delete &&
    (Array.isArray(update.delete) ? update.delete.length : Object.keys(update.delete).length)
  ) {
    body.delete = update.delete;
  }
  return JSON.stringify(body);
}
