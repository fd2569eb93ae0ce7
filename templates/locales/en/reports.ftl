# Sector report (English).
# Keep the keys in the same order as nl/reports.ftl.

## Navigation and heading

report-nav = Sector report
report-title = Sector report
report-intro = What the social enterprises in the municipality do together: how many people work there, how many move on into paid jobs, and how that develops. The figures come from the enterprises themselves.
report-no-figures = There are no figures to report yet. As soon as social enterprises have submitted their figures, the sector report appears here.
report-exact-banner = Not for publication — exact figures
report-exact-text = You are seeing the exact figures, without suppression. Something about a single enterprise may be deduced from them: do not share this page or the download. The public version suppresses such figures.

## Period choice and download

report-recent = Recent periods
report-period = Period
report-period-quarters = Quarters
report-period-years = Years
report-show = Show
report-csv = Download the figures for Excel

## Enterprises

report-organisations = Enterprises
report-registered = Registered enterprises
report-approved = Approved enterprises
report-moves-per-100 = Onward moves into paid jobs per 100 target-group people
report-reporting = Figures submitted
report-response-rate = Response rate
report-none-reporting = No enterprise has submitted figures for this period yet.

## Headline figures

report-headlines = Headline figures
report-headlines-caption = Headline figures for { $period }, with the change against the previous period and against the same period a year earlier
report-measure = Figure
report-change-against = Change since { $period }
report-change-previous = Change on the previous period
report-change-year = Change on a year earlier
report-stocks-flows = Numbers of people (such as people working) are counted at the end of the period; movements in and out (such as onward moves into paid jobs) are added up over the whole period.
report-no-previous = There are no figures for the previous period.
report-no-year-earlier = There are no figures for the same period a year earlier.

## What is measured

report-measure-paid-target-group = Target-group employees in paid work
report-measure-paid-regular = Other paid staff
report-measure-trainees = Trainees
report-measure-daytime-activities = Participants in daytime activities
report-measure-volunteers = Volunteers
report-measure-people-working = People working
report-measure-target-group-people = Target-group people
report-measure-new-participants = New participants
report-measure-moved-to-paid-internal = Moved into paid work at the enterprise itself
report-measure-moved-to-paid-external = Moved into paid work elsewhere
report-measure-moved-to-paid = Onward moves into paid jobs
report-measure-moved-to-education = Moved into education
report-measure-other-exits = Left for another reason
report-measure-people = Target-group people

## Development and breakdowns

report-series = Over time
report-series-none = There are too few figures yet to show a development.
report-chart-series-people = { $kind ->
    [year] People working per year
   *[quarter] People working per quarter
}
report-chart-series-moves = { $kind ->
    [year] Onward moves into paid jobs per year
   *[quarter] Onward moves into paid jobs per quarter
}
report-chart-series-title = { $kind ->
    [year] People working and onward moves into paid jobs per year
   *[quarter] People working and onward moves into paid jobs per quarter
}
report-year-coverage = { $coverage }: this year is still running; it covers the quarters named so far. Flows add up these quarters; stocks are each enterprise's latest reported quarter.
report-series-switch = { $kind ->
    [year] Show per year
   *[quarter] Show per quarter
}
report-breakdown-sector = By sector
report-breakdown-target-group = By target group
report-breakdown-municipality = By municipality
report-dimension-sector = Sector
report-dimension-target-group = Target group
report-dimension-municipality = Municipality
report-chart-sector-title = People working by sector
report-chart-target-group-title = People by target group
report-chart-municipality-title = People working by municipality
report-organisations-count = Enterprises
report-municipality-unknown = Unknown
report-breakdown-none = There are no figures to break down.

## Suppression

report-suppressed = suppressed
report-disclosure-title = About suppressed figures
report-disclosure-text = A dash (–) stands for a suppressed figure. Such a figure could reveal something about a single enterprise. A figure is suppressed when fewer than { $min_organisations } enterprises contribute to it, when one enterprise provides more than { $max_share_pct }% of it, or when it counts fewer than { $min_people } people. Where needed, one more figure is suppressed so that a suppressed figure cannot be worked out from the other figures and the totals. A change is left out when either of its two figures is suppressed.
report-disclosure-some = Some figures in this report are suppressed.
report-disclosure-exact = These are the exact figures, without suppression. The public report suppresses figures that could reveal something about a single enterprise.
report-rules = Each enterprise counts once, under its first-listed sector. For a year, the movements in and out of its quarters are added up; for the numbers of people, the latest quarter an enterprise submitted figures for counts.

## review workflow

report-provisional-mark = Provisional
report-provisional-text =
    { $count ->
        [one] One submission for this period has not been reviewed yet; the figures may still change.
       *[other] { $count } submissions for this period have not been reviewed yet; the figures may still change.
    }
