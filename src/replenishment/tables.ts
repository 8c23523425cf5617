export type ReplenishmentTables = {};
