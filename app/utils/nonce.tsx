import { createContext, useContext } from "react";

// The CSP nonce created by server.js for this request. On the client the
// browser hides nonce attributes, so it reads as an empty string there.
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce() {
  return useContext(NonceContext);
}
