import type { Migration } from 'kysely';
import { migration0001 } from './migrations/0001_core.js';
import { migration0002 } from './migrations/0002_partner_program.js';
import { migration0003 } from './migrations/0003_dashboard.js';
import { migration0004 } from './migrations/0004_delivery_engine.js';
import { migration0005 } from './migrations/0005_event_deliveries_index.js';
import { migration0006 } from './migrations/0006_delivery_core.js';
import { migration0007 } from './migrations/0007_partnero_parity.js';
import { migration0008 } from './migrations/0008_program_types.js';
import { migration0009 } from './migrations/0009_retention.js';
import { migration0010 } from './migrations/0010_endpoint_lifecycle.js';
import { migration0011 } from './migrations/0011_listener_api_key.js';
import { migration0012 } from './migrations/0012_per_program_numbers.js';
import { migration0013 } from './migrations/0013_coupons.js';
import { migration0014 } from './migrations/0014_deliveries_leased.js';
import { migration0015 } from './migrations/0015_customer_referrals.js';
import { migration0016 } from './migrations/0016_partner_portal.js';
import { migration0017 } from './migrations/0017_delivery_lane.js';
import { migration0018 } from './migrations/0018_partner_postbacks.js';
import { migration0019 } from './migrations/0019_lane_indexes.js';
import { migration0020 } from './migrations/0020_lane_head_indexes.js';
import { migration0021 } from './migrations/0021_deliveries_in_flight.js';
import type { Engine } from './migrations/common.js';

export type { Engine } from './migrations/common.js';

/**
 * Every migration, in order, as a static map (no file loading at run time, so it works from
 * `dist/` and under tsx alike), one file each in `migrations/`. Names sort lexically. Never
 * edit a released migration; add one.
 */
export function migrations(engine: Engine): Record<string, Migration> {
  return {
    '0001_core': migration0001(engine),
    '0002_partner_program': migration0002(engine),
    '0003_dashboard': migration0003(engine),
    '0004_delivery_engine': migration0004(engine),
    '0005_event_deliveries_index': migration0005(engine),
    '0006_delivery_core': migration0006(engine),
    '0007_partnero_parity': migration0007(engine),
    '0008_program_types': migration0008(engine),
    '0009_retention': migration0009(engine),
    '0010_endpoint_lifecycle': migration0010(engine),
    '0011_listener_api_key': migration0011(engine),
    '0012_per_program_numbers': migration0012(engine),
    '0013_coupons': migration0013(engine),
    '0014_deliveries_leased': migration0014(engine),
    '0015_customer_referrals': migration0015(engine),
    '0016_partner_portal': migration0016(engine),
    '0017_delivery_lane': migration0017(engine),
    '0018_partner_postbacks': migration0018(engine),
    '0019_lane_indexes': migration0019(engine),
    '0020_lane_head_indexes': migration0020(engine),
    '0021_deliveries_in_flight': migration0021(engine),
  };
}
