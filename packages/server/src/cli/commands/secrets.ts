import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import type { CliContext } from '../cli-context.js';
import { withStore } from './programs.js';

/** `hookline secrets reencrypt`: signing secrets rewritten under the current encryption key. */
export function registerSecretsCommand(program: Command, ctx: CliContext): void {
  const secrets = program
    .command('secrets')
    .description('Signing secrets at rest, directly in the database (DATABASE_URL).');
  secrets
    .command('reencrypt')
    .description(
      'Rewrite every signing secret under HOOKLINE_ENCRYPTION_KEY (in clear without it), opening old ones with HOOKLINE_ENCRYPTION_KEY_PREVIOUS. Safe while the service runs; safe to repeat.',
    )
    .option('--json', 'print {"webhooks", "resealed"} as JSON')
    .action(async (options: { json?: boolean }) => {
      const config = loadConfig();
      const { configureSecretsAtRest, currentSecretBox } = await import(
        '../../webhooks/secrets-at-rest.js'
      );
      const { resealSecrets } = await import('../../webhooks/reseal-secrets.js');
      configureSecretsAtRest(config);
      const report = await withStore((store) => resealSecrets(store.db, currentSecretBox()));
      if (options.json) ctx.term.json(report);
      else {
        const mode = config.encryptionKeys.current ? 'encrypted with the current key' : 'in clear';
        ctx.term.line(
          `${report.resealed} of ${report.webhooks} webhooks rewritten; every signing secret is now ${mode}.`,
        );
      }
    });
}
