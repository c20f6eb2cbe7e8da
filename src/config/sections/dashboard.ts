import { z } from 'zod';

export const DashboardSettings = z
  .object({
    host: z.string().min(1).default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(7300),
    token: z.string().min(8).optional(),
    allowActions: z.boolean().default(false),
  })
  .strict();
export type DashboardSettings = z.infer<typeof DashboardSettings>;
