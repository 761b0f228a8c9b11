/**
 * The app's Content Security Policy. The build writes it into index.html as a meta
 * tag (the only place a policy can live under file://), and tests read it back.
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
