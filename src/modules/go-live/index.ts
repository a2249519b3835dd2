// The go-live module's public face: what other modules may use. It owns no tables; the app registers
// its routes from its *.routes.ts.
export {};
