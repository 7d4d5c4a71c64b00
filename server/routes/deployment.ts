/** The deployment profile (DATA_DIR/deployment.json): the UI reads it once after sign-in to name the subject, its attributes and the period kinds. */
import type { FastifyPluginAsync } from 'fastify';
import type { DeploymentProfile } from '../../engine/index.ts';
import { ANY_ROLE } from '../access.ts';
import { errorResponses } from '../schemas.ts';

export const deploymentRoutes: FastifyPluginAsync<{ profile: DeploymentProfile }> = async (app, { profile }) => {
  app.get('/api/deployment', {
    config: { access: ANY_ROLE },
    schema: {
      tags: ['session'],
      summary: 'What this deployment assesses (the subject, its label and attributes) and its period kinds, in order; change them in DATA_DIR/deployment.json and restart',
      response: { 200: { type: 'object', additionalProperties: true, description: 'The profile as deployment.json holds it (format deployment/1; README, "The assessed subject and period kinds").' }, ...errorResponses() },
    },
    handler: async () => profile,
  });
};
