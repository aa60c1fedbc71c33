/** A file's text, imported with Vite's `?raw` suffix (tests that run in a DOM environment). */
declare module '*?raw' {
  const text: string;
  export default text;
}
