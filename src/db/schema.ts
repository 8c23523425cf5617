import type { ApplianceTables } from '../appliances/tables.ts';
import type { CatalogTables } from '../catalog/tables.ts';
import type { CustomerTables } from '../customers/tables.ts';
import type { JobTables } from '../jobs/tables.ts';
import type { ChannelTables } from '../messaging/channels/tables.ts';
import type { GatewayTables } from '../messaging/gateway/tables.ts';
import type { MessagingTables } from '../messaging/tables.ts';
import type { OrderTables } from '../orders/tables.ts';
import type { PaymentTables } from '../payments/tables.ts';
import type { PreferenceTables } from '../preferences/tables.ts';
import type { ReplenishmentTables } from '../replenishment/tables.ts';
import type { StaffTables } from '../staff/tables.ts';
import type { VoucherTables } from '../vouchers/tables.ts';

/** The whole schema: each domain declares its own tables; they meet only here. */
export type Database = CatalogTables &
  StaffTables &
  JobTables &
  ApplianceTables &
  OrderTables &
  PaymentTables &
  MessagingTables &
  CustomerTables &
  PreferenceTables &
  GatewayTables &
  ChannelTables &
  ReplenishmentTables &
  VoucherTables;
