/** The center database schema this app speaks: the number of files in center/migrations (a test checks it). */
export const CENTER_SCHEMA_VERSION = 3
