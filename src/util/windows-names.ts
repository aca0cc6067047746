/**
 * Names Windows reserves for devices, with or without an extension (`con`, `nul.md`, `COM1.zip`): a file so named
 * cannot be created or opened there, so a build that writes one breaks for every Windows user of the package.
 */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;

export function isWindowsReservedName(fileName: string): boolean {
  return RESERVED.test(fileName.trim().replace(/[. ]+$/, ''));
}
