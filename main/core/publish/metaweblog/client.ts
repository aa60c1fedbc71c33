import type { z } from 'zod';
import type { HttpClient } from '../../platform/http';
import { callXmlRpc, type XmlRpcLimits } from '../xmlrpc/call';
import { XmlRpcError } from '../xmlrpc/errors';
import type { XmlRpcStruct, XmlRpcValue } from '../xmlrpc/values';
import {
  booleanResultSchema,
  categoriesSchema,
  listMethodsSchema,
  mediaLibrarySchema,
  mediaItemSchema,
  mediaObjectSchema,
  newCategorySchema,
  newPostSchema,
  recentPostsSchema,
  remotePostSchema,
  usersBlogsSchema,
  wpPostsSchema,
} from './schemas';

export interface MetaweblogAccount {
  endpoint: string;
  remoteBlogId: string;
  username: string;
  password: string;
}

/** The MetaWeblog API (with the Blogger and WordPress methods it leans on), each answer validated. */
export class MetaweblogClient {
  constructor(
    private readonly http: HttpClient,
    private readonly account: MetaweblogAccount,
    /** `anchor`: the blog's home page as the author typed it, for the outbound policy. */
    private readonly options: { signal?: AbortSignal; limits?: Partial<XmlRpcLimits>; anchor?: string } = {},
  ) {}

  private async call<S extends z.ZodType>(
    method: string,
    params: XmlRpcValue[],
    schema: S,
  ): Promise<z.output<S>> {
    const value = await callXmlRpc(this.http, this.account.endpoint, method, params, this.options);
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new XmlRpcError(
        'invalid',
        `The answer from ${this.account.endpoint} to ${method} is not what MetaWeblog promises (${issue?.path.join('.') || 'value'}: ${issue?.message ?? 'wrong type'}).`,
        { endpoint: this.account.endpoint, method, sent: true },
      );
    }
    return parsed.data;
  }

  private get auth(): [string, string, string] {
    return [this.account.remoteBlogId, this.account.username, this.account.password];
  }

  listMethods() {
    return this.call('system.listMethods', [], listMethodsSchema);
  }

  getUsersBlogs() {
    // The first argument is an "appkey" that no server checks any more.
    return this.call(
      'blogger.getUsersBlogs',
      ['postwright', this.account.username, this.account.password],
      usersBlogsSchema,
    );
  }

  newPost(content: XmlRpcStruct, publish: boolean) {
    return this.call('metaWeblog.newPost', [...this.auth, content, publish], newPostSchema);
  }

  editPost(postId: string, content: XmlRpcStruct, publish: boolean) {
    return this.call(
      'metaWeblog.editPost',
      [postId, this.account.username, this.account.password, content, publish],
      booleanResultSchema,
    );
  }

  getPost(postId: string) {
    return this.call(
      'metaWeblog.getPost',
      [postId, this.account.username, this.account.password],
      remotePostSchema,
    );
  }

  getRecentPosts(count: number) {
    return this.call('metaWeblog.getRecentPosts', [...this.auth, count], recentPostsSchema);
  }

  /** A page of WordPress's posts (any status but the trash), in the order asked for. */
  getPosts(filter: {
    post_type: string;
    number: number;
    offset: number;
    orderby: string;
    order: 'ASC' | 'DESC';
  }) {
    return this.call(
      'wp.getPosts',
      [...this.auth, { ...filter, post_status: 'any' }, ['post', 'terms']],
      wpPostsSchema,
    );
  }

  getCategories() {
    return this.call('metaWeblog.getCategories', this.auth, categoriesSchema);
  }

  newCategory(name: string) {
    return this.call(
      'wp.newCategory',
      [...this.auth, { name, slug: '', parent_id: 0, description: '' }],
      newCategorySchema,
    );
  }

  newMediaObject(file: { name: string; type: string; bits: Uint8Array }) {
    return this.call(
      'metaWeblog.newMediaObject',
      [...this.auth, { name: file.name, type: file.type, bits: file.bits, overwrite: false }],
      mediaObjectSchema,
    );
  }

  /** The newest `number` files of WordPress's media library (a WordPress method, not MetaWeblog's). */
  getMediaLibrary(number: number) {
    return this.call('wp.getMediaLibrary', [...this.auth, { number }], mediaLibrarySchema);
  }

  /** One file of WordPress's media library by its attachment id (a WordPress method). */
  getMediaItem(attachmentId: string) {
    return this.call('wp.getMediaItem', [...this.auth, attachmentId], mediaItemSchema);
  }

  deletePost(postId: string) {
    return this.call(
      'blogger.deletePost',
      ['postwright', postId, this.account.username, this.account.password, true],
      booleanResultSchema,
    );
  }
}
