import { InteractionContextType, InteractionType, type APIInteraction } from 'discord.js';

/** The n-th /ask interaction the HTTP benches send: one guild, 50 askers, the question as its only option. */
export function askInteraction(question: string, n: number): APIInteraction {
  const id = (1_300_000_000_000_000_000n + BigInt(n)).toString();
  return {
    id,
    application_id: '1300000000000000002',
    type: InteractionType.ApplicationCommand,
    token: `bench-interaction-token-${n}`,
    version: 1,
    guild_id: '1300000000000000003',
    context: InteractionContextType.Guild,
    channel_id: '1300000000000000004',
    locale: 'en-US',
    app_permissions: '0',
    member: {
      user: { id: String(1_300_000_000_000_000_100n + BigInt(n % 50)), username: 'asker', discriminator: '0', global_name: null, avatar: null },
      roles: [],
      joined_at: '2026-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
      permissions: '0',
    },
    data: { id: '1300000000000000006', name: 'ask', type: 1, options: [{ name: 'question', type: 3, value: question }] },
  } as unknown as APIInteraction;
}
