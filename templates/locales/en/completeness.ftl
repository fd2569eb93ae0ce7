# Profile completeness
completeness-title = Your profile is { $score } % complete
completeness-done = done
completeness-missing = still missing
completeness-item-description = A description of at least 80 characters
completeness-item-contact = A website, an email address and a phone number
completeness-item-address = A street address
completeness-item-market_income = The share of income earned in the market
completeness-item-offerings = At least one offering, each with a CPV code
completeness-item-service_areas = Where each offering is delivered (a radius needs a municipality the platform can place)
completeness-item-certificates = A verified certificate or membership (PSO, Code Sociale Ondernemingen, Social Enterprise NL or another), checked by the operator against its evidence
completeness-item-figures = Figures for the latest reporting period
completeness-nav = Profile completeness
completeness-overview-title = Profile completeness
completeness-overview-intro = { $count } approved WISEs; their profiles are { $average } % complete on average. The least complete come first.
completeness-overview-below = { $under ->
    [0] No WISE scores below { $below } %, the score under which the monthly reminder goes out.
    [one] 1 WISE scores below { $below } % and gets the monthly reminder.
   *[other] { $under } WISEs score below { $below } % and get the monthly reminder.
}
completeness-overview-none = There are no approved WISEs yet.
completeness-col-wise = WISE
completeness-col-score = Score
completeness-col-missing = Missing
completeness-nudged = reminded
mail-profile-nudge-subject = The profile of { $wise } is { $score } % complete
mail-profile-nudge-intro = Buyers find and choose WISEs by their profiles. The profile of { $wise } is { $score } % complete; this is what it still lacks:
mail-profile-nudge-button = Complete the profile:
digest-completeness = monthly reminders to complete the profile
