## Partnerships between WISEs and companies

nav-partnerships = Partnerships
pa-title = Partnerships
pa-intro = The partnerships of your organisation with companies or social enterprises: what you exchange, the phase you are in, and its history. Only partnerships the company has confirmed count.
pa-intro-overseer = Every partnership between a social enterprise and a company recorded on the platform, in any state.
pa-new = Propose a partnership
pa-back = Back to partnerships
pa-none = There are no partnerships yet.
pa-wise = Social enterprise
pa-company = Company
pa-phase = Phase
pa-exchanges = What is exchanged
pa-values = Kinds of value
pa-since = Since
pa-state = State
pa-history = Phases over time
pa-named = Named in public
pa-named-yes = Yes, both partners agreed
pa-named-no = No
pa-end-reason = Reason for ending
pa-awaiting-company = waiting for the company to confirm
pa-new-intro = Record a collaboration with a company: the company's users are asked to confirm it, and only confirmed partnerships count. A company that is not yet on the platform is invited; the operator approves it first.
pa-new-company-intro = Is the company not yet on the platform? Then give its name and the person to invite.
pa-field-company-kvk = KvK number of the company
pa-hint-company-kvk = Eight digits.
pa-field-company-name = Company name
pa-field-company-contact = Contact person at the company
pa-field-company-email = Contact's email address
pa-field-language = Language of the invitation
pa-field-exchanges = What do you exchange?
pa-field-phase = Phase
pa-hint-phase = Orientation: getting to know each other, shared goals and trust. Integration: the work organised together, coaching on the job, who pays for what. Transformation: the value secured for the long term, with the municipality and schools involved.
pa-field-values = What kinds of value do you see?
pa-field-started-on = Start date
pa-field-wise-people = People involved at the social enterprise
pa-hint-people = Names or roles, for example "job coach, production manager".
pa-field-company-people = People involved at the company
pa-field-ambitions = Ambitions
pa-hint-ambitions = What do you want to achieve together?
pa-field-named = We agree to be named as partners on public pages
pa-field-changed-on = Date of the review
pa-field-note = Note
pa-field-ended-on = End date
pa-hint-ended-on = Empty: today.
pa-field-reason = Reason
pa-propose = Propose the partnership
pa-confirm-heading = Confirm this partnership
pa-confirm-intro = The social enterprise proposed this partnership with your company. Confirm it if it is right; only then does it count.
pa-confirm = Confirm
pa-review-heading = Review the phase
pa-review-intro = Which phase is the partnership in now, and what value do you see? Every review is kept in the history.
pa-review = Save the review
pa-end-heading = End the partnership
pa-end = End the partnership
pa-withdraw-heading = Withdraw the proposal
pa-withdraw = Withdraw
pa-decline-heading = Decline the proposal
pa-decline = Decline
pa-notice-proposed = The partnership has been proposed. The company's users have been mailed to confirm it.
pa-notice-confirmed = The partnership is confirmed.
pa-notice-reviewed = The review has been saved.
pa-notice-ended = The partnership has ended.
pa-notice-withdrawn = The proposal has been withdrawn.
pa-notice-declined = The proposal has been declined.
error-partnership-exists = You already have a proposed or confirmed partnership with this company.
error-partnership-company-suspended = This company is suspended on the platform.
error-partnership-future = The date cannot be in the future.
error-partnership-before-start = The date cannot be before the start of the partnership.
partnership-exchange-supply = Supply of goods or services
partnership-exchange-paid-training = Training paid by the company
partnership-exchange-secondment = Secondment of staff to the company
partnership-exchange-placement-route = Placement route into the company's jobs
partnership-exchange-job-carving = Job carving
partnership-exchange-knowledge-exchange = Knowledge exchange on inclusive employment
partnership-exchange-joint-production = Joint production
partnership-phase-orientation = Orientation
partnership-phase-integration = Integration
partnership-phase-transformation = Transformation
partnership-value-transaction = Transaction
partnership-value-reputation = Reputation
partnership-value-interaction = Interaction
partnership-value-synergy = Synergy
partnership-state-proposed = Proposed
partnership-state-confirmed = Confirmed
partnership-state-declined = Declined
partnership-state-withdrawn = Withdrawn
partnership-state-ended = Ended
mail-partnership-open = Open the partnership
mail-partnership-proposed-subject = { $wise } proposes a partnership with { $company }
mail-partnership-proposed-intro = { $wise } recorded a partnership with { $company } on the platform. Please check it and confirm it if it is right; only confirmed partnerships count.
mail-partnership-confirmed-subject = { $company } confirmed the partnership
mail-partnership-confirmed-intro = { $company } confirmed its partnership with { $wise }. It now counts.
mail-partnership-declined-subject = { $company } declined the partnership
mail-partnership-declined-intro = { $company } declined the proposed partnership with { $wise }. Reason: { $reason }
mail-partnership-withdrawn-subject = { $wise } withdrew its proposal
mail-partnership-withdrawn-intro = { $wise } withdrew its proposed partnership with { $company }. Reason: { $reason }
mail-partnership-ended-subject = The partnership of { $wise } and { $company } has ended
mail-partnership-ended-intro = The partnership of { $wise } and { $company } has been ended. Reason: { $reason }
figures-partner-moves = Moves to partner companies
figures-partner-moves-intro = Of the moves into paid work with another employer, how many went to each partner company? Numbers only; together no more than the moves to other employers.
error-partner-moves-sum = The moves to partner companies add up to more than the moves into paid work with another employer.
pa-assessment = Partnership self-assessment
pa-back-to-partnership = Back to the partnership
pa-assessment-intro = Both partners score the themes of each phase: where do you stand? The rounds side by side show where you agree and where you see it differently, and earlier rounds show your progress.
pa-assessment-none = Neither partner has answered the self-assessment yet.
pa-assessment-answer = Your answers
pa-assessment-scale = Score each theme from 1 to 4: 1 not yet, 2 started, 3 largely, 4 fully. Until the other partner answers, new answers replace yours in the current round; after that they open a new round.
pa-assessment-errors = Some themes need a score; see below.
pa-assessment-save = Save the answers
pa-round = Round { $round }
pa-not-answered = not answered yet
pa-theme = Theme
pa-agreement = Comparison
pa-agreement-agree = The same
pa-agreement-close = One point apart
pa-agreement-differ = Seen differently
pa-agreement-waiting = Waiting for the other partner
pa-phase-average = average { $wise } (social enterprise), { $company } (company)
pa-notice-assessed = Your answers have been saved.
partnership-theme-shared-goals = Shared goals
partnership-theme-contributions = What each partner brings
partnership-theme-trust = Trust
partnership-theme-work-organisation = How the work is organised
partnership-theme-coaching = Coaching on the job
partnership-theme-costs = Who pays for what
partnership-theme-long-term = The value secured for the long term
partnership-theme-municipality = The municipality involved
partnership-theme-schools = Schools involved
partnership-score-1 = 1 not yet
partnership-score-2 = 2 started
partnership-score-3 = 3 largely
partnership-score-4 = 4 fully
pa-company-partners = Social enterprise partners
pa-company-intro = The social enterprises { $company } works with to bring people into paid work, as both partners agreed to show.
pa-company-no-current = No current partnership is shown.
pa-company-past = Earlier partnerships
pa-municipality = Municipality

## The partnerships section of the sector report

report-partnerships-heading = Partnerships with companies
report-partnerships-yearly = Partnerships and the moves into jobs with partner companies are shown per year: choose a year.
report-partnerships-intro = Confirmed partnerships between { $wises ->
    [one] one social enterprise
   *[other] { $wises } social enterprises
} and companies that ran in this period, with their phase at its end.
report-partnerships-total = Partnerships
report-partnerships-count = Partnerships
report-partnerships-by-phase = Partnerships by phase
report-partnerships-by-exchange = Partnerships by what is exchanged (a partnership can exchange several things)
report-partnerships-moves = Onward moves into paid jobs with other employers, and those with partner companies, over time
report-partnerships-period = Period
report-partnerships-to-partners = To partner companies
report-partnerships-external = To other employers
report-partnerships-share = Share to partners
report-partnerships-suppressed = A dash stands for a number that is not shown: fewer than three social enterprises have it, one has most of it, it counts fewer than ten people, or the rest of the moves to other employers would then give one away.

## The yearly reminder to review a partnership

digest-partnerships = yearly partnership reminders
mail-partnership-review-subject = Time to review the partnership of { $wise } and { $company }
mail-partnership-review-intro = The partnership of { $wise } and { $company } was confirmed { $years ->
    [one] a year ago
   *[other] { $years } years ago
}. Please look at its phase together and answer the self-assessment again, so that both of you see where you agree, where you differ and how far you have come.
mail-partnership-review-phase = Phase now
mail-partnership-review-reviewed = last reviewed on { $date }
mail-partnership-review-answered = Last self-assessment answered on { $date }
mail-partnership-review-never = The self-assessment has not been answered yet
mail-partnership-review-button = Review the phase
mail-partnership-review-assessment = Answer the self-assessment
mail-summary-partnerships = { $count ->
    [one] One new partnership
   *[other] { $count } new partnerships
} between a social enterprise and a company this month ({ $running } running in all):
mail-summary-partnerships-button = All partnerships
