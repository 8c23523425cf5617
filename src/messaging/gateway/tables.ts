export type GatewayTables = {};
