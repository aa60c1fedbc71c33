// proper-lockfile behind a module of our own, loaded by store-lock on its first lock: a static
// named import lets the bundler give CommonJS its named exports, which a dynamic import of the
// package itself does not (its chunk exports only `default`).
export { lock } from 'proper-lockfile';
