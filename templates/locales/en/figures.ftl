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
