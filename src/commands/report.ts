import { canManageServer } from '../discord/interaction-data.js';
import { renderFeedbackReport, renderNotice } from '../discord/render.js';
import { ADMINS_IN_SERVER, type SlashCommand } from './command.js';

/** What /report covers: this week, the top entries of each list. */
export const REPORT_DAYS = 7;
export const REPORT_LIMIT = 10;

/** For server admins: what members asked that the bot could not answer, and the answers they marked 👎. */
export const reportCommand = {
  data: {
    name: 'report',
    description: 'This week’s unanswered questions and 👎’d answers in this server (Manage Server)',
    ...ADMINS_IN_SERVER,
  },
  isPrivate: () => true,
  async execute(interaction, { feedback }) {
    if (!interaction.guild_id) return renderNotice('/report shows a server’s questions; use it in the server.');
    if (!canManageServer(interaction)) return renderNotice('Only members who can manage this server can see its report.');
    if (!feedback) return renderNotice('This bot keeps no feedback, so there is nothing to report.');
    const report = await feedback.report(interaction.guild_id, { days: REPORT_DAYS, limit: REPORT_LIMIT });
    return renderFeedbackReport(report, REPORT_DAYS);
  },
} satisfies SlashCommand;
