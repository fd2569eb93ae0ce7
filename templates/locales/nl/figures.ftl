# Outputcijfers: rapportageperiodes (Nederlands).
# Houd de sleutels in dezelfde volgorde als en/figures.ftl.

## De periodepagina van de beheerder

periods-nav = Periodes
periods-title = Rapportageperiodes
periods-intro = De kwartalen en jaren waarover sociale ondernemingen hun cijfers aanleveren. Een periode gaat open voor aanlevering op de dag na het einde ervan en moet een aantal dagen later binnen zijn.
periods-none = Er zijn nog geen rapportageperiodes.
periods-key = Periode
periods-starts-on = Begint
periods-ends-on = Eindigt
periods-opens-on = Open voor aanlevering
periods-due-on = Uiterlijk
periods-status = Status
periods-status-upcoming = Binnenkort
periods-status-open = Open
periods-status-closed = Gesloten
periods-status-overdue = Termijn verstreken
periods-create = Periodes aanmaken
periods-create-intro = Maakt elke periode van de eerste tot en met de laatste aan. Periodes die al bestaan, blijven zoals ze zijn.
periods-from = Eerste periode
periods-to = Laatste periode
periods-key-hint = Een kwartaal zoals 2025-Q1, of een jaar zoals 2025. De eerste en de laatste periode zijn van dezelfde soort.
periods-due-days = Dagen om aan te leveren
periods-due-days-hint = De uiterste datum ligt zoveel dagen na de opening van de periode (0 tot en met 366).
periods-submit = Periodes aanmaken
periods-done = { $created } aangemaakt, { $kept } behouden (bestonden al).

## Fouten

error-period-malformed = Schrijf een kwartaal als 2025-Q1 of een jaar als 2025.
error-period-quarter = Een kwartaal is Q1 tot en met Q4 (1 tot en met 4).
error-period-year = Het jaar moet tussen 2000 en 2100 liggen.
error-period-mixed = De eerste en de laatste periode moeten allebei kwartalen of allebei jaren zijn.
error-period-reversed = De laatste periode mag niet vóór de eerste liggen.
error-period-too-many = Dat bereik bevat meer dan 200 periodes; kies een korter bereik.
error-period-due-days = Vul een heel aantal dagen in, van 0 tot en met 366.

## Cijfers

error-count = Vul een heel getal in van 0 of meer.
error-fte = Vul het aantal fte in als getal met hoogstens twee decimalen, bijvoorbeeld 12,5.
error-turnover = Vul de omzet in als heel aantal euro's, 0 of meer.
error-unknown-field = Dit veld kennen we niet.
error-tg-sum = De verdeling over doelgroepen telt meer mensen dan er met een afstand tot de arbeidsmarkt werken, leren of meedoen aan dagbesteding.
warning-moves-internal = Er stroomden meer mensen intern door naar betaald werk dan er onbetaald werkten of instroomden. Klopt dit?
warning-moves-out = Er vertrokken meer mensen dan er werkten of instroomden. Klopt dit?
warning-fte = Het aantal fte is groter dan het aantal mensen uit de doelgroep in betaald werk. Klopt dit?

## A WISE's figures: the list of periods, the form and the history

figures-list-title = Cijfers van { $name }
figures-list-intro = Elk kwartaal meldt u hoeveel mensen bij uw onderneming werken en hoeveel er zijn doorgestroomd. Het formulier is ingevuld met uw vorige cijfers: is er niets veranderd, controleer ze dan en verstuur.
figures-list-none = Er is nog geen rapportageperiode geopend.
figures-submission-status = Status
figures-late = te laat
figures-action-fill-in = Invullen
figures-action-continue = Verder invullen
figures-action-correct = Bekijken of corrigeren
figures-action-view = Bekijken
figures-action-history = Geschiedenis
figures-notice-submitted = Uw cijfers zijn verstuurd. Dank u wel!
figures-notice-draft = Uw concept is bewaard. Het is nog niet verstuurd.
figures-notice-unchanged = Er is niets veranderd: de cijfers zijn dezelfde als eerder.
figures-form-title = Cijfers over { $period }
figures-form-period = Van { $start } tot en met { $end }; uiterlijk { $due } insturen.
figures-returned-note = De beheerder heeft deze cijfers teruggestuurd. Corrigeer ze en verstuur ze opnieuw.
figures-upcoming-note = Deze periode is nog niet geopend voor inzendingen.
figures-closed-note = Deze periode is gesloten. Neem contact op met de beheerder als deze cijfers gecorrigeerd moeten worden.
figures-prefilled = Het formulier is ingevuld met uw cijfers over { $period }. Pas aan wat anders is en verstuur.
figures-warnings-heading = Controleer deze waarden
figures-warnings-confirm-intro = Deze waarden zijn mogelijk, maar ongebruikelijk. Corrigeer ze, of bevestig dat ze kloppen.
figures-warnings-confirm = Ik heb deze waarden gecontroleerd en ze kloppen
figures-stocks = Mensen aan het eind van de periode
figures-stocks-intro = Tel de mensen op de laatste dag van de periode. Iedereen telt één keer mee, in één groep.
figures-flows = Instroom en uitstroom in de periode
figures-flows-intro = Tel wat er gebeurde van de eerste tot en met de laatste dag van de periode.
figures-optional = Optioneel
figures-target-groups = Mensen per doelgroep (optioneel)
## the target-group breakdown in numbers
figures-tg-sum-numbers = U verdeelt { $given } mensen over doelgroepen; er zijn er { $ceiling } (doelgroepmedewerkers, leerwerktrajecten en dagbesteding samen).
figures-tg-live = Verdeeld: { $given } van { $ceiling }
figures-tg-live-over = Dat zijn er meer dan er zijn.
figures-target-groups-intro = Hoe de doelgroepmedewerkers, leerwerktrajecten en deelnemers aan dagbesteding over de doelgroepen zijn verdeeld. Samen niet meer dan die drie aantallen bij elkaar opgeteld.
figures-submit = Cijfers versturen
figures-submit-correction = Correctie versturen
figures-save-draft = Bewaren als concept
figures-field-paid-target-group = Doelgroepmedewerkers in betaald werk
figures-hint-paid-target-group = Mensen met een afstand tot de arbeidsmarkt in betaalde dienst bij u, ook met loonkostensubsidie.
figures-field-paid-regular = Overig betaald personeel
figures-hint-paid-regular = Jobcoaches, begeleiders, leidinggevenden en ander personeel.
figures-field-trainees = Deelnemers aan leerwerktrajecten
figures-hint-trainees = Mensen in een opleidings-, werkervarings- of re-integratietraject.
figures-field-daytime-activities = Deelnemers aan dagbesteding
figures-hint-daytime-activities = Deelnemers aan (gesubsidieerde) dagbesteding.
figures-field-volunteers = Vrijwilligers
figures-hint-volunteers = Vrijwilligers die bij u werken.
figures-field-new-participants = Nieuwe instromers
figures-hint-new-participants = Mensen die in de periode bij u zijn begonnen.
figures-field-moved-to-paid-internal = Doorgestroomd naar betaald werk bij u
figures-hint-moved-to-paid-internal = Deelnemers of vrijwilligers die een betaalde baan kregen bij uw eigen onderneming.
figures-field-moved-to-paid-external = Doorgestroomd naar betaald werk elders
figures-hint-moved-to-paid-external = Mensen die doorstroomden naar een betaalde baan bij een andere werkgever.
figures-field-moved-to-education = Doorgestroomd naar onderwijs
figures-hint-moved-to-education = Mensen die vertrokken om naar school te gaan of te studeren.
figures-field-other-exits = Om een andere reden vertrokken
figures-hint-other-exits = Mensen die om een andere reden zijn vertrokken.
figures-field-fte-target-group = Fte doelgroepmedewerkers
figures-hint-fte-target-group = Het aantal voltijdbanen van de doelgroepmedewerkers in betaald werk, bijvoorbeeld 12,5.
figures-field-turnover-eur = Omzet in euro
figures-hint-turnover-eur = Uw omzet in deze periode, in hele euro's.
figures-history-title = Geschiedenis van de cijfers over { $period }
figures-history-back = Terug naar het formulier
figures-history-revisions = Versies
figures-history-revision = Versie { $number }
figures-history-system = het platform
figures-history-first = De eerste versie.
figures-history-field = Veld
figures-history-before = Voor
figures-history-after = Na
figures-history-no-changes = Er zijn geen waarden veranderd.
figures-history-events = Wat er gebeurde

## Vocabularies: submission statuses and where figures came from

submission-draft = Concept
submission-submitted = Verstuurd
submission-accepted = Geaccepteerd
submission-returned = Teruggestuurd
submission-missing = Ontbreekt
source-form = formulier
source-import = import
source-api = API
source-demo = voorbeeldgegevens
figures-status-none = Niet verstuurd

## The status overview (operator and city) and the operator's review

figures-overview-title = Inzendingen
figures-overview-intro = Per rapportageperiode: welke sociale ondernemingen hun cijfers hebben ingestuurd, welke te laat zijn of ontbreken, en de respons.
figures-overview-show = Tonen
figures-overview-period = Inzendingen over { $period }
figures-overview-response-rate = Respons
figures-overview-approved = Goedgekeurde ondernemingen
figures-overview-reporting = Ingestuurd
figures-overview-awaiting = Wacht op beoordeling
figures-overview-accepted = Geaccepteerd
figures-overview-returned = Teruggestuurd
figures-overview-missing = Ontbreekt
figures-overview-late = Te laat
figures-overview-csv = Downloaden voor Excel
figures-overview-organisation = Onderneming
figures-overview-submitted-at = Eerst ingestuurd
figures-overview-revisions = Versies
figures-review-title = Cijfers van { $organisation } over { $period }
figures-review-returned-with = Teruggestuurd met deze opmerking:
figures-review-newest = De cijfers die tellen (nieuwste versie)
figures-review-warnings = Deze waarden zijn ongebruikelijk; de inzender heeft ze bevestigd:
figures-review-accept = Accepteren
figures-review-comment = Wat moet worden gecorrigeerd
figures-review-comment-hint = Deze opmerking wordt naar de onderneming gemaild en bij haar cijfers getoond.
figures-review-return = Terugsturen naar de onderneming
error-series-kind = Kies quarter of year.
error-breakdown = Kies sector, target_group of municipality.
error-figures-return-comment = Geef aan wat er gecorrigeerd moet worden.
error-figures-review-status = Deze inzending kan in haar huidige status dit besluit niet krijgen. De pagina toont hoe ze er nu voor staat.

## Mail: figures returned

mail-figures-returned-subject = Graag de cijfers van { $organisation } over { $period } corrigeren
mail-figures-returned-body = De beheerder van het platform heeft de cijfers van { $organisation } over { $period } teruggestuurd met deze opmerking:
mail-figures-returned-action = Corrigeer de cijfers en verstuur ze opnieuw.
mail-figures-returned-button = Cijfers corrigeren

## review workflow

figures-review-col-newest = { $period } (nieuwste)
figures-review-col-previous = Vorige periode ({ $period })
figures-review-col-difference = Verschil
figures-review-previous-none = Er zijn geen geaccepteerde cijfers van deze onderneming over { $period } om mee te vergelijken.
figures-review-accept-next = Accepteren en volgende
figures-review-return-heading = Terugsturen
figures-review-tabs-label = Inzendingen naar status
figures-review-tab-all = Alle
figures-review-tab-empty = Er zijn geen inzendingen met deze status.
figures-review-filter-unknown = Onbekende status „{ $status }”. Kies een van: { $known }.
figures-review-notice-all-reviewed = Geaccepteerd. Er wachten geen inzendingen over { $period } meer op beoordeling.
figures-review-notice-bulk =
    { $accepted ->
        [one] Eén inzending geaccepteerd
       *[other] { $accepted } inzendingen geaccepteerd
    }, { $left ->
        [0] geen over om te beoordelen.
        [one] één blijft over om te beoordelen vanwege waarschuwingen.
       *[other] { $left } blijven over om te beoordelen vanwege waarschuwingen.
    }
figures-review-bulk-accept = Alle inzendingen zonder waarschuwingen accepteren
figures-review-bulk-hint =
    { $count ->
        [one] Eén inzending wacht op beoordeling.
       *[other] { $count } inzendingen wachten op beoordeling.
    } Inzendingen met waarschuwingen blijven staan om ze zelf te beoordelen.
