/** The built-in market simulator: a BrokerPort with a seeded, repeatable market. */
export { SimBroker } from './sim-broker';
export type { MarketSnapshot, SimBrokerOptions, SimStatusEvents } from './sim-options';
export { SimShockError } from './shocks';
export type { BookChoice } from './books';
export { DEMO_ACCOUNT } from './demo-book';
export { marginRequirement, MARGIN_RULES } from './margin';
export type { MarginLine, MarginRequirement } from './margin';
export { commissionFor, COMMISSIONS } from './commissions';
