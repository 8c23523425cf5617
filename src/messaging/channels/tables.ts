export type ChannelTables = {};
