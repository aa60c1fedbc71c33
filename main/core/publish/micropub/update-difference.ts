import type { Mf2Properties, MicropubSource } from '../../../../shared/model/micropub';

/** Properties an update may replace or remove; `mp-*` commands only make sense on create. */
const MANAGED = [
  'name',
  'content',
  'summary',
  'category',
  'published',
  'post-status',
  'visibility',
  'photo',
  'featured',
  'bookmark-of',
  'start',
  'end',
  'location',
];

/** A JSON update of what changed since the blog's copy; null when nothing did. */
export function difference(
  current: MicropubSource | null,
  next: Mf2Properties,
): { replace?: Mf2Properties; delete?: string[] } | null {
  const replace: Mf2Properties = {};
  const remove: string[] = [];
  for (const name of MANAGED) {
    const wanted = next[name];
    const had = current?.properties[name];
    if (wanted?.length) {
      if (!had || JSON.stringify(had) !== JSON.stringify(wanted)) replace[name] = wanted;
    } else if (had?.length) remove.push(name);
  }
  if (!Object.keys(replace).length && !remove.length) return null;
  return {
    ...(Object.keys(replace).length ? { replace } : {}),
    ...(remove.length ? { delete: remove } : {}),
  };
}
