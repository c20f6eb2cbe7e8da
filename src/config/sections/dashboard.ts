import { z } from 'zod';

export const DashboardSettings = z
  .object({
    /** Address to listen on; anything but loopback requires `token`. */
    host: z.string().min(1).default('127.0.0.1'),
    /** 0 picks a free port. */
    port: z.number().int().min(0).max(65535).default(7300),
    /** When set, every request needs `Authorization: Bearer <token>` or the cookie from /login?token=<token>. */
    token: z
      .string()
      .min(8)
      .refine((s) => !/\s/.test(s), 'must not contain spaces')
      .optional(),
    /** Lets the queue view retry, clean, pause and remove jobs; read-only otherwise. */
    allowActions: z.boolean().default(false),
  })
  .strict();
export type DashboardSettings = z.infer<typeof DashboardSettings>;
