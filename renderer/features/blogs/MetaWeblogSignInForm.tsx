import type { ReactNode } from 'react';
import { InputField } from '../../components/Field';
import type { MetaWeblogAccount } from './useMetaWeblogAccount';

/** The user name and password of a MetaWeblog blog, asked once discovery found its endpoint. */
export function MetaWeblogSignInForm({
  account,
  busy,
  message,
}: {
  account: MetaWeblogAccount;
  busy: boolean;
  message: ReactNode;
}) {
  return (
    <form onSubmit={account.signIn} className="add-blog__signin" aria-label="Sign in">
      <p className="muted">
        Sign in with your blog’s user name and password. The password is kept in the secret store, never in
        the settings; on WordPress an application password works too.
      </p>
      <InputField
        label="User name"
        value={account.username}
        onChange={account.setUsername}
        autoComplete="username"
        required
      />
      <InputField
        label="Password"
        type="password"
        value={account.password}
        onChange={account.setPassword}
        autoComplete="current-password"
        required
      />
      <button type="submit" className="button" disabled={busy || !account.username || !account.password}>
        Sign in
      </button>
      {message}
    </form>
  );
}

/** The blogs of the signed-in account, one to choose, and "Add blog". */
export function AccountBlogPicker({
  account,
  busy,
  message,
}: {
  account: MetaWeblogAccount;
  busy: boolean;
  message: ReactNode;
}) {
  return (
    <form onSubmit={account.add} aria-label="Choose the blog">
      <fieldset className="field-group">
        <legend>Blogs on this account</legend>
        {account.accountBlogs.map((blog) => (
          <label key={blog.remoteBlogId} className="add-blog__choice">
            <input
              type="radio"
              name="account-blog"
              value={blog.remoteBlogId}
              checked={account.chosen === blog.remoteBlogId}
              onChange={() => account.setChosen(blog.remoteBlogId)}
            />
            {blog.name || blog.url} <span className="muted">{blog.url}</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button button--primary" disabled={busy || !account.chosen}>
        Add blog
      </button>
      {message}
    </form>
  );
}
