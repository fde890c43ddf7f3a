// The odontogram's server API for other modules (published in README.md,
// "Server API for other modules": `#layers/odontogram/server/published`).
// Each runs in the caller's unit of work when handed a transaction, so a
// module can chart a planned treatment, perform it or cancel it together with
// its own rows; the rules, the projection, the history and the events
// (`odontogram.treatment_planned`, `treatment.completed`,
// `odontogram.treatment_cancelled`, delivered after the commit) are the same
// as over HTTP. Inputs are the parsed (output) forms of the schemas in models.ts.
export { createEntry, loadEntry } from './services/entries'
export { cancelEntry, performEntry } from './services/entry-actions'
export type { Actor as OdontogramActor, OdontogramDb } from './db'
