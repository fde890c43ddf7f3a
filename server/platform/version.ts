import pkg from '../../package.json'

/** The core version (semver), read from package.json. */
export const CORE_VERSION: string = pkg.version
