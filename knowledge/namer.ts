import type { ClusterNamer } from './contracts.js';

/**
 * Offline naming of a new intermediate node: evolve passes the members most central first (highest
 * summed similarity to the others), so the group takes its most representative member's name.
 */
export function createOfflineNamer(): ClusterNamer {
  return {
    model: 'offline-central-member',
    name: (members) => {
      const first = members[0];
      if (first === undefined) return Promise.reject(new Error('cannot name an empty group'));
      return Promise.resolve(first);
    },
  };
}
