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

## Sector summary

mail-summary-subject = Sector summary { $month }
mail-summary-open = Submissions for { $period }: { $reporting } of { $approved } enterprises ({ $rate }%), { $missing } missing.
mail-summary-report = Figures for { $period } (change against { $previous }):
mail-summary-year = The year so far, { $coverage } (change against { $previous }):
mail-summary-report-button = Open the sector report
mail-summary-status-button = See who has not submitted yet
mail-summary-exact = Exact figures: not for publication.

## Unsubscribe page

unsubscribe-title = Unsubscribe
unsubscribe-intro = Stop sending { $email } this email:
unsubscribe-button = Unsubscribe
unsubscribe-done = { $email } will no longer receive this email:

## The operator's outbox page

outbox-nav = Outbox
outbox-title = Outbox
outbox-intro = Every mail the platform sends goes through this queue. Failed mails keep their content and can be sent again.
outbox-retried = The mail is queued again.
outbox-pending = Queued
outbox-sent = Sent
outbox-failed = Failed
outbox-filter = Show mails
outbox-all = All
outbox-runs = Last digest runs
outbox-kind = Digest
outbox-slot = Scheduled for
outbox-mails = Mails
outbox-no-runs = No digest has run yet.
outbox-mails-heading = Mails (newest first)
outbox-recipient = To
outbox-subject = Subject
outbox-status = Status
outbox-created = Queued at
outbox-retry = Send again
outbox-none = There are no mails here.

## Vocabulary: digest kinds

digest-saved-search-daily = daily saved-search mails
digest-saved-search-weekly = weekly saved-search mails
digest-sector-summary = monthly sector summaries
digest-reporting-reminders = reporting reminders
