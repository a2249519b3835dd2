import type { Command } from './platform/command.ts';
import { accountCommands } from './modules/accounts/accounts.commands.ts';
import { seedDemoCommand } from './seed/demo.command.ts';
import { ledgerVerifyCommand } from './modules/ledger/ledger-verify.command.ts';
import { reportsRebuildCommand } from './modules/reports/reports-rebuild.command.ts';

export const commands: Command[] = [seedDemoCommand, ...accountCommands, ledgerVerifyCommand, reportsRebuildCommand];
