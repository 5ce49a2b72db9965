import type { notifications as pt } from '../pt-BR/notifications';

/** Messages: e-mails the system sends and their errors. */
export const notifications: Record<keyof typeof pt, string> = {
  'notifications.deadline-reminder.subject': 'MigraCidades {year}: the diagnosis deadline is in {days} days',
  'notifications.deadline-reminder.body':
    'Hello,\n\nThe deadline to submit the diagnosis of {government} in the {year} edition is {deadline}, {days} days from now.\nThe diagnosis has not been submitted yet.\nContinue filling it in at: {page}',
  'notifications.invalid-day': 'Invalid day: use a date as YYYY-MM-DD.',
};
