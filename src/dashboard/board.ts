import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Router } from 'express';
import type { Queues } from '../pipeline/queues.js';
import { samplePath, href } from './html.js';

export const BOARD_PATH = '/queues';

interface JobLike {
  data?: unknown;
}

/** Where a queue job's "open" link in bull-board goes: its sample's page, or its round's samples. */
export function jobLink(job: JobLike): { href: string; displayText: string } | undefined {
  const data = (job.data ?? {}) as { sample?: { id?: unknown }; round?: unknown };
  if (typeof data.sample?.id === 'string') return { href: samplePath(data.sample.id), displayText: `sample ${data.sample.id}` };
  if (typeof data.round === 'number') return { href: href('/samples', { round: data.round }), displayText: `round ${data.round} samples` };
  return undefined;
}

/** bull-board over every stage queue; read-only (no retry, clean, pause...) unless actions are allowed. */
export function queueBoard(queues: Queues, allowActions: boolean): Router {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(BOARD_PATH);
  createBullBoard({
    queues: Object.values(queues).map(
      (q) =>
        new BullMQAdapter(q, {
          readOnlyMode: !allowActions,
          allowRetries: allowActions,
          description: `flywheel stage "${q.name}"`,
          // bull-board's type says a link is always returned; jobs without a sample or round get none.
          externalJobUrl: jobLink as (job: JobLike) => { href: string; displayText: string },
        }),
    ),
    // @bull-board/express 9.10.1 brings its own copy of the api typings (9.10.1); the runtime contract is the same.
    serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    options: { uiConfig: { boardTitle: 'flywheel queues', miscLinks: [{ text: 'Rounds', url: '/' }, { text: 'Samples', url: '/samples' }, { text: 'Knowledge', url: '/knowledge' }] } },
  });
  return serverAdapter.getRouter() as Router;
}
