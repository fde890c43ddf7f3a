// The bundler replaces literal `process.env.NODE_ENV` with the build mode
// ("production" for every build). What the operator set when starting the
// server is read through a computed key instead.
const NODE_ENV_KEY = ['NODE', 'ENV'].join('_')

/** NODE_ENV as set at run time (not the build mode). */
export function runtimeNodeEnv(): string | undefined {
  return process.env[NODE_ENV_KEY]
}

export function isProduction(): boolean {
  return runtimeNodeEnv() === 'production'
}
