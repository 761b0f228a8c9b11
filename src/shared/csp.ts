/**
 * The app's Content Security Policy. The app protocol's handler sends it as a header
 * (electron/main/app-protocol.ts), the build also writes it into index.html as a meta
 * tag (for `vite preview` and Electronegativity), and tests read both back.
 * 'wasm-unsafe-eval' allows compiling WebAssembly only; it does not allow eval().
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')
