import type { Properties, StoredPost } from './post-store';

/**
 * How WordPress's Micropub plugin answers, read from the plugin's source (class-micropub-endpoint.php):
 * an update or delete answers 200 with the wp_posts row it saved as JSON, no Location; `post_url` is
 * the permalink now (a new `name` re-slugs the post), `guid` the address the post was created at.
 */
export function wordpressPostJson(post: StoredPost) {
  return {
    ID: post.id,
    post_title: String(post.properties.name?.[0] ?? ''),
    post_name: post.url.split('/').pop(),
    post_status: post.deleted ? 'trash' : 'publish',
    guid: post.originalUrl,
    post_url: post.url,
  };
}

/** A list as PHP encodes an array whose keys are not 0..n-1: an object keyed by position. */
export function keyed(values: unknown[], positions: number[] = values.map((_, index) => index)) {
  return Object.fromEntries(values.map((value, index) => [String(positions[index]), value]));
}

/** Every list as an object, nested objects too (a server that sends no JSON arrays at all). */
export function keyedDeep(value: unknown): unknown {
  if (Array.isArray(value)) return keyed(value.map(keyedDeep));
  if (value && typeof value === 'object' && 'type' in value && 'properties' in value) {
    const object = value as { type: unknown[]; properties: Properties };
    return { type: keyedDeep(object.type), properties: keyedPropertiesDeep(object.properties) };
  }
  return value;
}

function keyedPropertiesDeep(properties: Properties): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).map(([name, values]) => [name, keyedDeep(values)]));
}

/**
 * q=source's properties with lists sent as objects: 'after-removal' only those a value was removed
 * from (WordPress: `array_diff` keeps keys, so `{"1":"Peer Test","2":"added-tag"}`), 'always' every one.
 */
export function keyedSource(
  post: StoredPost,
  properties: Properties,
  mode: 'after-removal' | 'always',
): Record<string, unknown> {
  if (mode === 'always') return keyedPropertiesDeep(properties);
  return Object.fromEntries(
    Object.entries(properties).map(([name, values]) => {
      const positions = post.keptPositions[name];
      return [name, positions ? keyed(values, positions) : values];
    }),
  );
}
