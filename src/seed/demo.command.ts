import type { Command } from '../platform/command.ts';
import { seedDemo } from './demo.ts';

export const seedDemoCommand: Command = {
  path: ['seed'],
  usage: 'seed --demo                                         load demo accounts, campaigns and products (safe to repeat)',
  options: { demo: { type: 'boolean' } },
  async run({ db, flags, secrets }) {
    if (flags.demo !== true) throw new Error('seed needs --demo (the only data set there is)');
    const summary = await seedDemo(db, secrets);
    return { json: summary, human: `Demo data ready:\n${JSON.stringify(summary, null, 2)}` };
  },
};
