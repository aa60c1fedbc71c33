import * as z from 'zod';
import { acceptsMarkdown } from '../markdown-content';
import { featuredPropertyOf } from './featured-property';
import { mf2PropertiesSchema } from '../../../../shared/model/micropub';
import { webUrl } from '../../../../shared/net/safe-link';
import type {
  Mf2Properties,
  Mf2Value,
  MicropubConfig,
  MicropubSource,
  SyndicationTarget,
} from './micropub-types';

/**
 * Micropub answers are untrusted input. Each part is validated on its own, so one odd field (a
 * server that sends an object where a list belongs) drops or repairs that field, not the answer.
 */
const targetSchema = z
  .object({ uid: z.string().min(1).max(2000), name: z.string().max(500).optional() })
  .transform((t): SyndicationTarget => ({ uid: t.uid, name: t.name?.trim() || t.uid }));

const postTypeSchema = z.object({ type: z.string().max(100), name: z.string().max(200).optional() });

/**
 * A list as servers send it: a JSON array; an object keyed by position, which is how PHP encodes an
 * array with gaps (WordPress after a value is removed: `{"1":"Peer Test","2":"added-tag"}`); or one
 * bare value where the spec wants a list of one.
 */
export function asList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null) return [];
  if (isKeyedList(value)) {
    return Object.entries(value)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, item]) => item);
  }
  return [value];
}

function isKeyedList(value: unknown): value is Record<string, unknown> {
  if (!value || typeof value !== 'object') return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => /^(0|[1-9]\d{0,8})$/.test(key));
}

function listOf<T>(schema: z.ZodType<T>, value: unknown, max = 500): T[] {
  return asList(value)
    .slice(0, max)
    .flatMap((item) => {
      const parsed = schema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
}

function strings(value: unknown): string[] {
  return asList(value).filter((item): item is string => typeof item === 'string');
}

function httpUrl(value: unknown): string | null {
  return typeof value === 'string' ? webUrl(value) : null;
}

export const EMPTY_CONFIG: MicropubConfig = {
  mediaEndpoint: null,
  syndicateTo: [],
  destinations: [],
  postTypes: [],
  queries: [],
};

export function parseConfig(json: unknown): MicropubConfig {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return EMPTY_CONFIG;
  const raw = json as Record<string, unknown>;
  return {
    mediaEndpoint: httpUrl(raw['media-endpoint']),
    syndicateTo: listOf(targetSchema, raw['syndicate-to']),
    destinations: listOf(targetSchema, raw.destination),
    postTypes: listOf(postTypeSchema, raw['post-types']).map((t) => ({
      type: t.type,
      name: t.name ?? t.type,
    })),
    queries: listOf(z.string().max(100), raw.q),
    markdown: acceptsMarkdown(raw),
    featured: featuredPropertyOf(raw),
  };
}

export function parseSyndicateTo(json: unknown): SyndicationTarget[] {
  if (!json || typeof json !== 'object') return [];
  return listOf(targetSchema, (json as Record<string, unknown>)['syndicate-to']);
}

export function parseCategories(json: unknown): string[] {
  if (!json || typeof json !== 'object') return [];
  const raw = json as Record<string, unknown>;
  return listOf(z.string().min(1).max(200), raw.categories ?? raw.category, 5000);
}

const MAX_DEPTH = 4;
const UNSAFE_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

function value(raw: unknown, depth: number): Mf2Value | null {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const o = raw as Record<string, unknown>;
  if (o.type && o.properties && typeof o.properties === 'object' && depth < MAX_DEPTH) {
    return { type: strings(o.type), properties: properties(o.properties, depth + 1) };
  }
  if (typeof o.html === 'string')
    return typeof o.value === 'string' ? { html: o.html, value: o.value } : { html: o.html };
  if (typeof o.value === 'string')
    return typeof o.alt === 'string' ? { value: o.value, alt: o.alt } : { value: o.value };
  return null;
}

function properties(raw: unknown, depth: number): Mf2Properties {
  const out: Mf2Properties = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [name, values] of Object.entries(raw as Record<string, unknown>).slice(0, 200)) {
    // A name like __proto__ would set the object's prototype instead of a property.
    if (!name || name.length > 200 || UNSAFE_NAMES.has(name)) continue;
    // Some servers send one value, or an object keyed by position, where the spec wants a list; the
    // model keeps 1,000.
    out[name] = asList(values)
      .slice(0, 1000)
      .flatMap((item) => {
        const parsed = value(item, depth);
        return parsed === null ? [] : [parsed];
      });
  }
  return out;
}

/** `q=source`: with `properties[]` a server may leave out `type`; lists may come as objects. */
export function parseSource(json: unknown): MicropubSource | null {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return null;
  const raw = json as Record<string, unknown>;
  if (!raw.properties || typeof raw.properties !== 'object') return null;
  const parsed = properties(raw.properties, 0);
  // What comes back is held to the model's own limits (lengths, counts), like anything else read.
  return mf2PropertiesSchema.safeParse(parsed).success
    ? { type: strings(raw.type), properties: parsed }
    : null;
}
