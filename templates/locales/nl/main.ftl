# Interface texts (Dutch, the default). Keep the keys in the same order as en/main.ftl.

## Site

site-name = wise-monitor
skip-to-content = Direct naar de inhoud
nav-menu = Menu
admin-sections = Beheeronderdelen
admin-nav-import = Importeren
nav-label = Hoofdmenu
nav-home = Home
nav-organisations = Sociale ondernemingen
breadcrumbs-label = Kruimelpad
language-choose = Kies een taal
language-nl = Nederlands
language-en = English
footer-about = wise-monitor maakt sociale ondernemingen die werk bieden aan mensen met een afstand tot de arbeidsmarkt zichtbaar, vindbaar voor inkopers en meetbaar voor de stad.
footer-operator = Beheerd door het netwerk van sociale ondernemingen, in samenwerking met de gemeente.

## Home

home-title = Home
home-heading = Koop sociaal in bij ondernemingen die werk maken
home-lead = In deze catalogus vindt u sociale ondernemingen uit de regio die mensen met een afstand tot de arbeidsmarkt aan het werk helpen, met de producten en diensten die zij leveren.
home-browse = Bekijk alle sociale ondernemingen
home-counts-heading = De sector in cijfers
count-organisations-label = Sociale ondernemingen
count-offerings-label = Producten en diensten
count-municipalities-label = Gemeenten
count-sectors-label = Sectoren
home-audiences-heading = Voor wie is wise-monitor?
home-buyers-title = Inkopers
home-buyers-text = Zoek leveranciers op product, CPV-code of sector en ontdek welke ondernemingen in aanmerking komen voor voorbehouden opdrachten en social return.
home-wises-title = Sociale ondernemingen
home-wises-text = Presenteer uw producten en diensten aan gemeente en bedrijven en lever eenvoudig uw periodieke cijfers aan.
home-city-title = Gemeente
home-city-text = Volg wat de sector oplevert: hoeveel mensen er werken, instromen en doorstromen naar betaald werk.

## Lijst van ondernemingen

list-title = Sociale ondernemingen
list-count =
    { $count ->
        [0] Er zijn nog geen sociale ondernemingen gepubliceerd.
        [one] Eén sociale onderneming
       *[other] { $count } sociale ondernemingen
    }
list-offerings =
    { $count ->
        [0] nog geen aanbod
        [one] 1 product of dienst
       *[other] { $count } producten en diensten
    }
list-empty = Er zijn nog geen sociale ondernemingen om te tonen.
paging-label = Paginering
paging-previous = Vorige pagina
paging-next = Volgende pagina
paging-status = Pagina { $page } van { $pages }

## Profiel

profile-sectors = Sectoren
profile-facts = Gegevens
profile-kvk = KvK-nummer
profile-legal-form = Rechtsvorm
profile-founded = Opgericht
profile-address = Bezoekadres
profile-website = Website
profile-email = E-mail
profile-phone = Telefoon
profile-market-income = Inkomsten uit de markt
profile-percentage = { $value }%
profile-target-groups = Wie werken er
profile-target-groups-none = Deze onderneming heeft nog geen doelgroepen opgegeven.
profile-certifications = Keurmerken en certificaten
profile-certifications-none = Er zijn geen keurmerken of certificaten opgegeven.
profile-valid-until = geldig tot { $date }
profile-expired-on = verlopen op { $date }
profile-cso = Code Sociale Ondernemingen
profile-sena = Lid van Social Enterprise NL
reserved-badge = Komt in aanmerking voor voorbehouden opdrachten (Aanbestedingswet art. 2.82) — op basis van { $period }
reserved-share = { $share }% van het betaalde personeel hoort bij de doelgroep
reserved-explanation = Afgeleid van de cijfers die de onderneming heeft aangeleverd en de beheerder heeft geaccepteerd: ten minste 30% van het betaalde personeel bestaat uit mensen met een afstand tot de arbeidsmarkt. Daarom mag zij meedingen naar opdrachten die een inkoper voorbehoudt aan zulke ondernemingen.
profile-offerings = Producten en diensten
profile-offerings-none = Deze onderneming heeft nog geen producten of diensten gepubliceerd.
profile-partners = Partners (bedrijven waarmee wordt samengewerkt)
offering-cpv = CPV-code
offering-area = Werkgebied
offering-price = Prijsindicatie
offering-lead-time = Capaciteit en levertijd

## Foutpagina's

error-status = Foutcode { $status }

## Zoeken

search-heading = Zoeken in de catalogus
search-title-for = Zoekresultaten voor “{ $q }”
search-label = Zoek op naam, product of dienst
search-placeholder = bijv. schoonmaak, catering
search-filters = Filters
search-apply = Toepassen
search-clear = Alle filters wissen
search-filters-active =
    { $count ->
        [one] 1 actief
       *[other] { $count } actief
    }
search-filters-chosen = Gekozen filters
search-filter-remove = filter weghalen
search-sort-apply = Sorteren
search-facet-all = Alle { $count } tonen
filter-reserved-title = Voorbehouden opdrachten
reserved-badge-short = Voorbehouden opdrachten (art. 2.82)
search-has-errors = De zoekopdracht kan zo niet worden uitgevoerd:
search-nothing = Niets gevonden. Probeer minder of andere woorden, of wis een filter.
search-matching-offerings =
    { $count ->
        [one] 1 passend aanbod
       *[other] { $count } passende aanbiedingen
    }
filter-any = Alle
filter-sector = Sector
filter-cpv = Soort opdracht (CPV)
filter-kind = Soort aanbod
filter-municipality = Levert in gemeente
filter-target-group = Werkt met
filter-certification = Keurmerk
filter-reserved = Alleen sociale ondernemingen die in aanmerking komen voor voorbehouden opdrachten
filter-sort = Volgorde
sort-default = Standaard
certification-pso = PSO-gecertificeerd (geverifieerd, geldig)
certification-cso = Code Sociale Ondernemingen (geverifieerd)
certification-sena = Lid Social Enterprise NL (geverifieerd)
sort-relevance = Best passend
sort-name = Naam
sort-updated = Laatst bijgewerkt

## The start page after signing in

start-title = Start
start-nav = Start
start-welcome = Welkom, { $name }
start-wise-profile = Profiel
start-wise-edit = Profiel en aanbod bewerken
start-task-figures = Cijfers { $period }
start-task-due = uiterlijk { $date }
start-task-overdue = te laat: moesten uiterlijk { $date } binnen zijn
start-task-none = Er staan nu geen cijfers open.
start-buyer-title = Sociale ondernemingen zoeken
start-buyer-search = Zoek op naam, product of dienst
start-buyer-search-button = Zoeken
start-buyer-no-saved = U heeft nog geen zoekopdrachten bewaard. Bewaar een zoekopdracht in de catalogus om bericht te krijgen van wat nieuw is.
start-buyer-manage-saved = Bewaarde zoekopdrachten beheren
start-queues-title = Wat op u wacht
start-queue-wises =
    { $count ->
        [one] 1 aanmelding wacht op een besluit
       *[other] { $count } aanmeldingen wachten op een besluit
    }
start-queue-submissions =
    { $count ->
        [one] 1 ingediende cijferopgave wacht op beoordeling
       *[other] { $count } ingediende cijferopgaven wachten op beoordeling
    }
start-queue-mail =
    { $count ->
        [one] 1 e-mail kon niet worden bezorgd
       *[other] { $count } e-mails konden niet worden bezorgd
    }
start-figures-title = Cijfers { $period }
start-figures-reporting = { $reporting } van { $approved } ondernemingen hebben cijfers ingediend
start-figures-awaiting = { $count } wachten op beoordeling
start-figures-missing = { $count } ontbreken nog
start-figures-report = Het sectorrapport

## Column names of CSV downloads for a spreadsheet (?format=excel)
csv-column-kvk-number = KvK-nummer
csv-column-name = Naam
csv-column-municipality = Gemeente
csv-column-district = Stadsdeel
csv-column-sectors = Sectoren
csv-column-offerings = Producten en diensten
csv-column-profile-url = Profiel
csv-column-reserved-contract = Voorbehouden opdrachten
csv-column-reserved-contract-period = Op basis van periode
csv-column-email = E-mail
csv-column-period = Periode
csv-column-status = Status
csv-column-submitted-at = Ingestuurd op
csv-column-late = Te laat
csv-column-revisions = Versies
csv-column-dimension = Indeling
csv-column-key = Groep
csv-column-measure = Cijfer
csv-column-value = Waarde
csv-column-suppressed = Afgeschermd
search-export-excel = Download voor Excel
download-plain-csv = CSV (standaard, voor programma’s)
