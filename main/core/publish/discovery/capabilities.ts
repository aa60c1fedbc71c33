import type { BlogCapabilities } from '../../../../shared/model/blog';

/** What a MetaWeblog endpoint can do, read from its method list (WordPress adds wp.* methods). */
export function metaweblogCapabilities(methods: string[]): BlogCapabilities {
  const has = (name: string) => methods.includes(name);
  const known = methods.length > 0;
  const wordpress = methods.some((name) => name.startsWith('wp.'));
  return {
    categories: !known || has('metaWeblog.getCategories') || has('mt.getCategoryList'),
    newCategories: has('wp.newCategory'),
    tags: !known || wordpress || methods.some((name) => name.startsWith('mt.')),
    slug: wordpress,
    excerpt: !known || wordpress || methods.some((name) => name.startsWith('mt.')),
    media: !known || has('metaWeblog.newMediaObject'),
    scheduling: wordpress,
    serverDrafts: true,
    deletion: !known || has('blogger.deletePost'),
  };
}
