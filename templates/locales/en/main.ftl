# Interface texts (English). Keep the keys in the same order as nl/main.ftl.

## Site

site-name = wise-monitor
skip-to-content = Skip to content
nav-menu = Menu
admin-sections = Administration sections
admin-nav-import = Import
nav-label = Main menu
nav-home = Home
nav-organisations = Social enterprises
breadcrumbs-label = Breadcrumbs
language-choose = Choose a language
language-nl = Nederlands
language-en = English
footer-about = wise-monitor makes social enterprises that employ people with a distance to the labour market visible, easy for buyers to find, and measurable for the city.
footer-operator = Run by the network of social enterprises, together with the municipality.

## Home

home-title = Home
home-heading = Buy socially from enterprises that create jobs
home-lead = This catalogue lists the region's social enterprises that help people with a distance to the labour market into work, with the goods and services they supply.
home-browse = Browse all social enterprises
home-counts-heading = The sector in figures
count-organisations-label = Social enterprises
count-offerings-label = Goods and services
count-municipalities-label = Municipalities
count-sectors-label = Sectors
home-audiences-heading = Who is wise-monitor for?
home-buyers-title = Buyers
home-buyers-text = Find suppliers by product, CPV code or sector, and see which enterprises qualify for reserved contracts and social return.
home-wises-title = Social enterprises
home-wises-text = Present your goods and services to the city and to companies, and submit your periodic figures with little effort.
home-city-title = City
home-city-text = Follow what the sector achieves: how many people work, start and move on into paid jobs.

## List of enterprises

list-title = Social enterprises
list-count =
    { $count ->
        [0] No social enterprises have been published yet.
        [one] One social enterprise
       *[other] { $count } social enterprises
    }
list-offerings =
    { $count ->
        [0] no offerings yet
        [one] 1 good or service
       *[other] { $count } goods and services
    }
list-empty = There are no social enterprises to show yet.
paging-label = Pagination
paging-previous = Previous page
paging-next = Next page
paging-status = Page { $page } of { $pages }

## Profile

profile-sectors = Sectors
profile-facts = Details
profile-kvk = KvK number
profile-legal-form = Legal form
profile-founded = Founded
profile-address = Visiting address
profile-website = Website
profile-email = Email
profile-phone = Phone
profile-market-income = Income earned on the market
profile-percentage = { $value }%
profile-target-groups = Who works here
profile-target-groups-none = This enterprise has not listed any target groups yet.
profile-certifications = Labels and certificates
profile-certifications-none = No labels or certificates have been listed.
profile-valid-until = valid until { $date }
profile-expired-on = expired on { $date }
profile-cso = Code Sociale Ondernemingen
profile-sena = Member of Social Enterprise NL
reserved-badge = Eligible for reserved contracts (Aanbestedingswet art. 2.82) — based on { $period }
reserved-share = { $share }% of the paid staff belong to the target group
reserved-explanation = Derived from the figures the enterprise reported and the operator accepted: at least 30% of its paid staff are people with a distance to the labour market, so it may bid for contracts a buyer reserves for such enterprises.
profile-offerings = Goods and services
profile-offerings-none = This enterprise has not published any goods or services yet.
profile-partners = Partners (companies it works with)
offering-cpv = CPV code
offering-area = Service area
offering-price = Price indication
offering-lead-time = Capacity and lead time

## Error pages

error-status = Error code { $status }

## Search

search-heading = Search the catalogue
search-title-for = Search results for “{ $q }”
search-label = Search by name, product or service
search-placeholder = e.g. cleaning, catering
search-filters = Filters
search-apply = Apply
search-clear = Clear all filters
search-filters-active =
    { $count ->
        [one] 1 active
       *[other] { $count } active
    }
search-filters-chosen = Chosen filters
search-filter-remove = remove filter
search-sort-apply = Sort
search-facet-all = Show all { $count }
filter-reserved-title = Reserved contracts
reserved-badge-short = Reserved contracts (art. 2.82)
search-has-errors = The search cannot be run like this:
search-nothing = Nothing found. Try fewer or other words, or clear a filter.
search-matching-offerings =
    { $count ->
        [one] 1 matching offering
       *[other] { $count } matching offerings
    }
filter-any = All
filter-sector = Sector
filter-cpv = Type of contract (CPV)
filter-kind = Kind of offering
filter-municipality = Delivers in municipality
filter-target-group = Works with
filter-certification = Label
filter-reserved = Only social enterprises eligible for reserved contracts
filter-sort = Order
sort-default = Default
certification-pso = PSO certified (verified, valid)
certification-cso = Code Sociale Ondernemingen (verified)
certification-sena = Member of Social Enterprise NL (verified)
sort-relevance = Best match
sort-name = Name
sort-updated = Recently updated

## The start page after signing in

start-title = Start
start-nav = Start
start-welcome = Welcome, { $name }
start-wise-profile = Profile
start-wise-edit = Edit profile and offerings
start-task-figures = Figures { $period }
start-task-due = due { $date }
start-task-overdue = late: were due { $date }
start-task-none = No figures are open now.
start-buyer-title = Find social enterprises
start-buyer-search = Search by name, product or service
start-buyer-search-button = Search
start-buyer-no-saved = You have not saved a search yet. Save a search in the catalogue to hear what is new.
start-buyer-manage-saved = Manage saved searches
start-queues-title = Waiting for you
start-queue-wises =
    { $count ->
        [one] 1 registration awaits a decision
       *[other] { $count } registrations await a decision
    }
start-queue-submissions =
    { $count ->
        [one] 1 submission of figures awaits review
       *[other] { $count } submissions of figures await review
    }
start-queue-mail =
    { $count ->
        [one] 1 email could not be delivered
       *[other] { $count } emails could not be delivered
    }
start-figures-title = Figures { $period }
start-figures-reporting = { $reporting } of { $approved } enterprises have submitted figures
start-figures-awaiting = { $count } await review
start-figures-missing = { $count } still missing
start-figures-report = The sector report

## Column names of CSV downloads for a spreadsheet (?format=excel)
csv-column-kvk-number = KvK number
csv-column-name = Name
csv-column-municipality = Municipality
csv-column-district = District
csv-column-sectors = Sectors
csv-column-offerings = Goods and services
csv-column-profile-url = Profile
csv-column-reserved-contract = Reserved contracts
csv-column-reserved-contract-period = Based on period
csv-column-email = Email
csv-column-period = Period
csv-column-status = Status
csv-column-submitted-at = Submitted at
csv-column-late = Late
csv-column-revisions = Revisions
csv-column-dimension = Breakdown
csv-column-key = Group
csv-column-measure = Figure
csv-column-value = Value
csv-column-suppressed = Suppressed
search-export-excel = Download for Excel
download-plain-csv = CSV (standard, for programs)
