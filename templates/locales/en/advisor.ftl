# The reserved-contract advisor
nav-advisor = Advisor
advisor-title = Reserved-contract advisor
advisor-intro = Describe a planned purchase, or upload your procurement calendar, and see for each purchase which WISEs could take a reserved contract for it (Aanbestedingswet art. 2.82), how big they are together, and what we recommend.
advisor-rules-title = How the advice is made
advisor-rule-eligible = A WISE is eligible when it holds the reserved-contract badge (at least 30 % of its paid staff from the target group, by its latest accepted figures), has an active offering in the purchase's CPV branch (the first { $digits } digits of the code) of the asked kind, and serves the municipality: exactly what the catalogue search finds with those filters.
advisor-rule-whole = Reserve the whole contract when at least { $min } WISEs are eligible and the yearly budget is at most { $max } % of their combined yearly turnover.
advisor-rule-lot = Otherwise reserve a lot, sized to { $max } % of their turnover, when at least { $min } of them report their turnover.
advisor-rule-social-return = Otherwise use a social-return clause for a budget from { $min_eur }; below that, or without eligible WISEs, post a need first to find out who can deliver.
advisor-rule-bands = The size of fewer than 3 WISEs, or of a group one WISE dominates, is shown only as a band.
advisor-one-title = One purchase
advisor-field-title = What you buy
advisor-field-cpv = CPV codes
advisor-field-cpv-hint = One to ten codes, e.g. 90911200, separated by spaces.
advisor-field-kind = Kind of offering
advisor-kind-any = Any kind
advisor-field-municipality = Municipality where it is delivered
advisor-field-budget = Budget in euros (excl. VAT)
advisor-field-budget-hint = The whole contract value, e.g. 250000.
advisor-field-duration = Duration in months
advisor-submit = Get advice
advisor-untitled = Planned purchase
advisor-calendar-title = Procurement calendar
advisor-calendar-intro = Upload a CSV file with one planned purchase a row: title, cpv_codes, kind (optional), municipality, budget_eur, duration_months.
advisor-calendar-example = Download the example calendar
advisor-calendar-hint = A CSV file of at most { $max_mb } MB and 500 purchases.
advisor-calendar-submit = Advise on the calendar
advisor-calendar-errors = Nothing was advised: correct these lines and upload the file again.
advisor-calendar-done = Advice on { $count } planned purchases from { $source }.
advisor-download = Download the advice (CSV)
advisor-totals-title = What the calendar could reserve
advisor-totals-reservable = { $purchases } of { $all } purchases could be reserved for WISEs, wholly or in a lot: { $amount } of { $budget }.
advisor-advice-title = Advice
advisor-col-recommendation = Recommendation
advisor-col-purchases = Purchases
advisor-col-budget = Budget
advisor-col-eligible = Eligible WISEs
advisor-col-people = People working
advisor-col-turnover = Yearly turnover
advisor-col-yearly-budget = Budget per year
advisor-months = { $count ->
    [one] { $count } month
   *[other] { $count } months
}
advisor-eligible-count = { $count ->
    [0] none — see the search
    [one] 1 WISE
   *[other] { $count } WISEs
}
advisor-eligible-list = Which WISEs
advisor-share = { $share } of their turnover
advisor-lot = a lot of { $amount }
advisor-post-need = Post a need for this purchase
advisor-rec-reserve_whole = Reserve the whole contract
advisor-rec-reserve_lot = Reserve a lot
advisor-rec-social_return = Use a social-return clause
advisor-rec-post_need = Post a need first
advisor-band-1_9 = 1 to 9
advisor-band-10_49 = 10 to 49
advisor-band-50_249 = 50 to 249
advisor-band-250_plus = 250 or more
advisor-band-under_100k = under € 100,000
advisor-band-100k_1m = € 100,000 to € 1 million
advisor-band-1m_10m = € 1 million to € 10 million
advisor-band-10m_plus = € 10 million or more
advisor-reason-none = No WISE with the reserved-contract badge offers this CPV branch and kind in this municipality.
advisor-reason-count = { $count ->
    [one] 1 eligible WISE can deliver this
   *[other] { $count } eligible WISEs can deliver this
} (at least { $min } to reserve the whole contract).
advisor-reason-within = The yearly budget is at most { $max } % of their combined yearly turnover: they can carry it.
advisor-reason-over = The yearly budget is more than { $max } % of their combined yearly turnover: too large for them as a whole.
advisor-reason-no-turnover = None of them reports a turnover, so whether they can carry it is unknown.
advisor-reason-lot = A lot of { $lot } fits the turnover of the { $wises } that report it.
advisor-reason-social-return = A social-return clause asks the contractor to buy from WISEs or employ their people; it suits a budget from { $min_eur }.
advisor-reason-post-need = Post a need first: the WISEs that answer show what can be reserved next time.
error-advisor-cpv = Not a CPV code: eight digits with an optional check digit (90911200-8), separated by spaces.
error-advisor-cpv-count = At most 10 CPV codes.
error-advisor-cpv-unknown = A code that is not in the CPV vocabulary.
error-advisor-municipality = Not a municipality the platform knows.
error-advisor-budget = A budget in whole euros greater than zero, e.g. 250000.
error-advisor-duration = A duration of 1 to 120 months.
error-import-advisor-unknown-column = Not a column of a procurement calendar: title, cpv_codes, kind, municipality, budget_eur, duration_months.
error-import-advisor-no-rows = The calendar has no planned purchases under its header.
error-import-advisor-too-many = A calendar holds at most 500 purchases.
advisor-col-certified = With a verified certificate
advisor-certified-count = { $count ->
    [0] none (purchases from them count for social return only at the lowest rate)
    [one] 1 WISE (PSO, Code Sociale Ondernemingen or Social Enterprise NL, checked by the operator)
   *[other] { $count } WISEs (PSO, Code Sociale Ondernemingen or Social Enterprise NL, checked by the operator)
}
advisor-reason-certified = { $certified } of the { $count } eligible WISEs hold a verified, current certificate, so a contractor's purchases from them count for social return at the city's higher rates.
