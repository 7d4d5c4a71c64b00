/**
 * Vitest global setup: one PostgreSQL cluster for the whole run, its URL provided to every test
 * file (inject(CLUSTER_URL)), stopped and removed at the end. Without PostgreSQL the run fails.
 */
import type { TestProject } from 'vitest/node';
import { CLUSTER_URL, startPostgresCluster } from './postgres-cluster.ts';

export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startPostgresCluster();
  project.provide(CLUSTER_URL, cluster.url);
  return () => cluster.stop();
}
