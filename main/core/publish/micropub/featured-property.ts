/*
 * Micropub has no standard word for a featured image. WordPress's Micropub plugin takes `featured`
 * (it sideloads the file and makes it the post thumbnail), and so do others that follow it. A server
 * whose `q=config` lists the properties of its post types, none of them `featured` but some `photo`,
 * is telling Postwright what it understands: the featured image goes to it as the first `photo`.
 */

export type FeaturedProperty = 'featured' | 'photo';

/** The property a featured image is sent as, read from a `q=config` answer's `post-types`. */
export function featuredPropertyOf(config: Record<string, unknown>): FeaturedProperty {
  const types = Array.isArray(config['post-types']) ? config['post-types'] : [];
  const declared = types.flatMap((type: unknown) => {
    const properties = (type as { properties?: unknown } | null)?.properties;
    return Array.isArray(properties) ? properties.filter((name) => typeof name === 'string') : [];
  });
  return declared.includes('photo') && !declared.includes('featured') ? 'photo' : 'featured';
}
