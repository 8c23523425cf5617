import type { ApplianceTables } from '../appliances/tables.ts';
import type { CatalogTables } from '../catalog/tables.ts';
import type { JobTables } from '../jobs/tables.ts';
import type { MessagingTables } from '../messaging/tables.ts';
import type { OrderTables } from '../orders/tables.ts';
import type { PaymentTables } from '../payments/tables.ts';
import type { StaffTables } from '../staff/tables.ts';

/** The whole schema: each domain declares its own tables; they meet only here. */
export type Database = CatalogTables &
  StaffTables &
  JobTables &
  ApplianceTables &
  OrderTables &
  PaymentTables &
  MessagingTables;
