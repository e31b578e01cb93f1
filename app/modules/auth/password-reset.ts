// How long a password-reset link lives. Not in a .server module: the pages that
// say "30 分钟内有效" render it in the browser too, where a server-only import is
// undefined (the same trap as the page sizes, issue #19).
export const RESET_TOKEN_MINUTES = 30;
