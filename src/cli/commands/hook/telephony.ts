import { writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { CommandContext } from '../../context.js';
import { hasErrors } from '../../../diagnostics/diagnostic.js';
import { DiagnosticsError, UsageError } from '../../../errors.js';
import { serializeFlopack } from '../../../flopack/serialize.js';
import { lintFlopack } from '../../../lint/index.js';
import { DEFAULT_CREDENTIALS } from '../../../mock/twilio/defaults.js';
import { loadValidSpec } from '../../../spec/validate.js';
import {
  OKTA_CONFIG_NAME,
  TELEPHONY_FLOW_NAME,
  generateTelephonyFolder,
} from '../../../hooks/telephony-flow.js';
import { e164, identifier } from './flags.js';
import { makeFolders } from '../../../util/make-folders.js';

export interface TelephonyFlags {
  optInAttribute: string;
  out: string;
  smsFrom: string;
  whatsappFrom: string;
  accountSid?: string;
}

/** `hook telephony <spec>`: writes the telephony inline hook flow as an importable `.folder`. */
export async function runHookTelephony(
  specPath: string,
  flags: TelephonyFlags,
  ctx: CommandContext,
): Promise<void> {
  const { io } = ctx;
  const optIn = identifier(flags.optInAttribute, '--opt-in-attribute');
  const smsFrom = e164(flags.smsFrom, '--sms-from');
  const whatsappFrom = e164(flags.whatsappFrom, '--whatsapp-from');
  const accountSid = flags.accountSid?.trim() || io.env.TWILIO_ACCOUNT_SID?.trim();
  if (accountSid !== undefined && !/^AC[0-9a-fA-F]{32}$/.test(accountSid))
    throw new UsageError('--account-sid must be AC followed by 32 hex digits');
  const { spec, warnings } = await loadValidSpec(resolve(io.cwd, specPath), specPath);
  const { flopack } = generateTelephonyFolder({
    spec,
    optInAttribute: optIn,
    smsFrom,
    whatsappFrom,
    accountSid: accountSid ?? DEFAULT_CREDENTIALS.accountSid,
  });
  const text = serializeFlopack(flopack);
  // Never write what Workflows would refuse to import.
  const findings = lintFlopack(JSON.parse(text));
  if (hasErrors(findings)) throw new DiagnosticsError(findings.filter((d) => d.severity === 'error'));
  const dir = resolve(io.cwd, flags.out);
  const file = join(dir, `${spec.name}-telephony-hook.folder`);
  makeFolders(dir);
  await writeFile(file, text);
  const shown = relative(io.cwd, file) || file;
  const cards = countCards(flopack.data.flos);
  const { paint } = io;
  const lines = [
    `${paint.green('Wrote')} ${shown} (flow "${TELEPHONY_FLOW_NAME}", ${cards} cards with its If Error branches; lint clean)`,
    `  WhatsApp when the user's ${optIn} is true (from ${whatsappFrom}), else SMS (from ${smsFrom})`,
    `  Import: Workflows console › folder › Import; then choose the "${OKTA_CONFIG_NAME}" and "${spec.displayName}"`,
    `  connections (${spec.displayName}: Basic auth with your API key SID and secret).`,
    `  Try it locally: okta-connector hook serve ${shown}`,
  ];
  if (!accountSid)
    lines.push(
      paint.yellow(`  note: the Twilio URL uses the mock account ${DEFAULT_CREDENTIALS.accountSid};`) +
        paint.yellow(' pass --account-sid (or TWILIO_ACCOUNT_SID) for your account'),
    );
  for (const w of warnings) lines.push(paint.yellow(`  warning: ${w.message}`));
  io.stdout.write(lines.join('\n') + '\n');
}

/** Cards in the flows, inline flos (If Error branches) included. */
function countCards(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + countCards(v), 0);
  if (typeof value !== 'object' || value === null) return 0;
  const own = 'node' in value && 'pins' in value && 'address' in value ? 1 : 0;
  return own + Object.values(value).reduce((n: number, v) => n + countCards(v), 0);
}
