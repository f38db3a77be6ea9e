import type { z } from 'zod';
import { rewardSchema } from '../../webhooks/resource-schemas.js';
import { dataOf, pageOf } from './common-schemas.js';

/** `{data: Reward}`. */
export const rewardResponse = dataOf(rewardSchema);
/** A page of rewards. */
export const rewardPage = pageOf(rewardSchema);

/** A reward as the API returns it. */
export type Reward = z.infer<typeof rewardSchema>;
