# Output figures: reporting periods (English).
# Keep the keys in the same order as nl/figures.ftl.

## The operator's periods page

periods-nav = Periods
periods-title = Reporting periods
periods-intro = The quarters and years social enterprises report their figures for. A period opens for submissions the day after it ends and is due a number of days later.
periods-none = There are no reporting periods yet.
periods-key = Period
periods-starts-on = Starts
periods-ends-on = Ends
periods-opens-on = Opens for submissions
periods-due-on = Due
periods-status = Status
periods-status-upcoming = Upcoming
periods-status-open = Open
periods-status-closed = Closed
periods-status-overdue = Past the due date
periods-create = Create periods
periods-create-intro = Creates every period from the first to the last, both included. Periods that already exist are kept as they are.
periods-from = First period
periods-to = Last period
periods-key-hint = A quarter such as 2025-Q1, or a year such as 2025. The first and last period are of the same kind.
periods-due-days = Days to submit
periods-due-days-hint = The due date is this many days after the period opens (0 to 366).
periods-submit = Create periods
periods-done = { $created } created, { $kept } kept (already existed).

## Errors

error-period-malformed = Write a quarter as 2025-Q1 or a year as 2025.
error-period-quarter = A quarter is Q1 to Q4 (1 to 4).
error-period-year = The year must lie between 2000 and 2100.
error-period-mixed = The first and last period must both be quarters or both be years.
error-period-reversed = The last period may not come before the first.
error-period-too-many = That range holds more than 200 periods; choose a shorter one.
error-period-due-days = Enter a whole number of days from 0 to 366.

## Figures

error-count = Enter a whole number of 0 or more.
error-fte = Enter the FTE as a number with at most two decimals, for example 12.5.
error-turnover = Enter the turnover as a whole number of euros, 0 or more.
error-unknown-field = This field is not known.
error-tg-sum = The breakdown by target group counts more people than the target-group people, trainees and daytime participants together.
warning-moves-internal = More people moved into paid work internally than there were unpaid people or new starters. Is this right?
warning-moves-out = More people left than were working or started. Is this right?
warning-fte = The FTE is larger than the number of target-group people in paid work. Is this right?
