declare module '#app' {
  interface PageMeta {
    /** The module the page belongs to: hidden (404) while that module is not installed. */
    module?: string
    /** A permission the page needs; without it the page shows a "no access" state. */
    permission?: string
  }
}

export {}
