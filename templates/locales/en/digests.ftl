# Scheduled digests (English). Keep the keys in the same order as nl/digests.ftl.

## Reporting reminders

mail-reminder-opened-subject = Figures for { $period } can be submitted: { $organisation }
mail-reminder-due-soon-subject = Reminder: figures for { $period } are due soon ({ $organisation })
mail-reminder-overdue-subject = The figures of { $organisation } for { $period } are missing
mail-reminder-opened-body = The reporting period { $period } has opened. Please submit the figures of { $organisation } by { $due }. The form is already filled in with your previous figures: if nothing changed, check them and submit.
mail-reminder-due-soon-body = The figures of { $organisation } for { $period } are due on { $due } and have not been submitted yet.
mail-reminder-overdue-body = The figures of { $organisation } for { $period } were due on { $due } and are still missing. Please submit them as soon as you can.
mail-reminder-button = Open the form
mail-reminder-previous = Your figures for { $period }:

## Unsubscribe page

unsubscribe-title = Unsubscribe
unsubscribe-intro = Stop sending { $email } this email:
unsubscribe-button = Unsubscribe
unsubscribe-done = { $email } will no longer receive this email:

## Vocabulary: digest kinds

digest-reporting-reminders = reporting reminders
