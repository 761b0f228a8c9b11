/** The sql.js WebAssembly file, copied next to the main bundle by vite.electron.config.ts. */
export const SQL_WASM_FILE = 'sql-wasm.wasm'
