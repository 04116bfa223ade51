/**
 * VS Code language ids the server answers for. The server's language table (server/src/service/languages.ts) is the
 * source; the client keeps this copy so that its bundle does not carry the scanners, and a unit test holds the two
 * (and package.json's activation events) equal.
 */
export const LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'json', 'jsonc', 'log', 'yaml', 'python', 'php', 'go'];
