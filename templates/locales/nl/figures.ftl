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
