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

## A WISE's figures: the list of periods, the form and the history

figures-list-title = Figures of { $name }
figures-list-intro = Every quarter you report how many people work at your enterprise and how many moved on. The form is filled in with your previous figures: if nothing changed, check them and submit.
figures-list-none = No reporting period has opened yet.
figures-submission-status = Status
figures-late = late
figures-action-fill-in = Fill in
figures-action-continue = Continue
figures-action-correct = View or correct
figures-action-view = View
figures-action-history = History
figures-notice-submitted = Your figures have been submitted. Thank you!
figures-notice-draft = Your draft has been saved. It has not been submitted yet.
figures-notice-unchanged = Nothing changed: the figures are the same as before.
figures-form-title = Figures for { $period }
figures-form-period = From { $start } to { $end }; due on { $due }.
figures-returned-note = The operator returned these figures. Please correct them and submit again.
figures-upcoming-note = This period has not opened for submissions yet.
figures-closed-note = This period is closed. Contact the operator if these figures need a correction.
figures-prefilled = The form is filled in with your figures for { $period }. Change what differs and submit.
figures-warnings-heading = Please check these values
figures-warnings-confirm-intro = These values are possible but unusual. Correct them, or confirm that they are right.
figures-warnings-confirm = I have checked these values and they are right
figures-stocks = People at the end of the period
figures-stocks-intro = Count the people on the last day of the period. Each person counts once, in one group.
figures-flows = Movements during the period
figures-flows-intro = Count what happened from the first to the last day of the period.
figures-optional = Optional
figures-target-groups = People by target group (optional)
## the target-group breakdown in numbers
figures-tg-sum-numbers = You divide { $given } people over target groups; there are { $ceiling } (target-group employees, trainees and daytime participants together).
figures-tg-live = Divided: { $given } of { $ceiling }
figures-tg-live-over = That is more than there are.
figures-target-groups-intro = How the target-group people, trainees and participants in daytime activities are divided over target groups. Together these may not be more than those three numbers added up.
figures-submit = Submit figures
figures-submit-correction = Submit correction
figures-save-draft = Save as draft
figures-field-paid-target-group = Target-group employees in paid work
figures-hint-paid-target-group = People with a distance to the labour market in paid employment with you, including with a wage-cost subsidy.
figures-field-paid-regular = Other paid staff
figures-hint-paid-regular = Job coaches, supervisors, management and other staff.
figures-field-trainees = Trainees
figures-hint-trainees = People in a training, work-experience or re-integration trajectory.
figures-field-daytime-activities = Participants in daytime activities
figures-hint-daytime-activities = Participants in (subsidised) daytime activities.
figures-field-volunteers = Volunteers
figures-hint-volunteers = Volunteers working with you.
figures-field-new-participants = New starters
figures-hint-new-participants = People who started with you during the period.
figures-field-moved-to-paid-internal = Moved into paid work with you
figures-hint-moved-to-paid-internal = Trainees, participants or volunteers who got a paid job at your own enterprise.
figures-field-moved-to-paid-external = Moved into paid work elsewhere
figures-hint-moved-to-paid-external = People who moved on to a paid job with another employer.
figures-field-moved-to-education = Moved on to education
figures-hint-moved-to-education = People who left to go to school or study.
figures-field-other-exits = Left for another reason
figures-hint-other-exits = People who left for any other reason.
figures-field-fte-target-group = FTE of target-group employees
figures-hint-fte-target-group = The full-time equivalent of the target-group employees in paid work, for example 12.5.
figures-field-turnover-eur = Turnover in euros
figures-hint-turnover-eur = Your turnover in this period, in whole euros.
figures-history-title = History of the figures for { $period }
figures-history-back = Back to the form
figures-history-revisions = Versions
figures-history-revision = Version { $number }
figures-history-system = the platform
figures-history-first = The first version.
figures-history-field = Field
figures-history-before = Before
figures-history-after = After
figures-history-no-changes = No values changed.
figures-history-events = What happened

## Vocabularies: submission statuses and where figures came from

submission-draft = Draft
submission-submitted = Submitted
submission-accepted = Accepted
submission-returned = Returned
submission-missing = Missing
source-form = form
source-import = import
source-api = API
source-demo = demo data
figures-status-none = Not submitted

## The status overview (operator and city) and the operator's review

figures-overview-title = Submissions
figures-overview-intro = Per reporting period: which social enterprises have submitted their figures, which are late or missing, and the response rate.
figures-overview-show = Show
figures-overview-period = Submissions for { $period }
figures-overview-response-rate = Response rate
figures-overview-approved = Approved enterprises
figures-overview-reporting = Submitted
figures-overview-awaiting = Awaiting review
figures-overview-accepted = Accepted
figures-overview-returned = Returned
figures-overview-missing = Missing
figures-overview-late = Late
figures-overview-csv = Download for Excel
figures-overview-organisation = Enterprise
figures-overview-submitted-at = First submitted
figures-overview-revisions = Versions
figures-review-title = Figures of { $organisation } for { $period }
figures-review-returned-with = Returned with this comment:
figures-review-newest = The figures that count (newest version)
figures-review-warnings = These values are unusual; the submitter confirmed them:
figures-review-accept = Accept
figures-review-comment = What should be corrected
figures-review-comment-hint = This comment is mailed to the enterprise and shown with its figures.
figures-review-return = Return to the enterprise
error-series-kind = Choose quarter or year.
error-breakdown = Choose sector, target_group or municipality.
error-figures-return-comment = Say what should be corrected.
error-figures-review-status = This submission cannot get that decision in its current status. The page shows where it stands now.

## Mail: figures returned

mail-figures-returned-subject = Please correct the figures of { $organisation } for { $period }
mail-figures-returned-body = The operator of the platform has returned the figures of { $organisation } for { $period } with this comment:
mail-figures-returned-action = Please correct the figures and submit them again.
mail-figures-returned-button = Correct the figures

## review workflow

figures-review-col-newest = { $period } (newest)
figures-review-col-previous = Previous period ({ $period })
figures-review-col-difference = Difference
figures-review-previous-none = There are no accepted figures of this enterprise for { $period } to compare with.
figures-review-accept-next = Accept and next
figures-review-return-heading = Return
figures-review-tabs-label = Submissions by status
figures-review-tab-all = All
figures-review-tab-empty = There are no submissions with this status.
figures-review-filter-unknown = Unknown status “{ $status }”. Choose one of: { $known }.
figures-review-notice-all-reviewed = Accepted. No submissions for { $period } are awaiting review any more.
figures-review-notice-bulk =
    { $accepted ->
        [one] One submission accepted
       *[other] { $accepted } submissions accepted
    }, { $left ->
        [0] none left for review.
        [one] one left for review because of warnings.
       *[other] { $left } left for review because of warnings.
    }
figures-review-bulk-accept = Accept all submissions without warnings
figures-review-bulk-hint =
    { $count ->
        [one] One submission awaits review.
       *[other] { $count } submissions await review.
    } Submissions with warnings stay for you to review.
