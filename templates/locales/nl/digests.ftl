# Scheduled digests (Dutch). Keep the keys in the same order as en/digests.ftl.

## Reporting reminders

mail-reminder-opened-subject = Cijfers over { $period } kunnen worden ingestuurd: { $organisation }
mail-reminder-due-soon-subject = Herinnering: de cijfers over { $period } moeten binnenkort binnen zijn ({ $organisation })
mail-reminder-overdue-subject = De cijfers van { $organisation } over { $period } ontbreken
mail-reminder-opened-body = De rapportageperiode { $period } is geopend. Stuur de cijfers van { $organisation } uiterlijk { $due } in. Het formulier is al ingevuld met uw vorige cijfers: is er niets veranderd, controleer ze dan en verstuur.
mail-reminder-due-soon-body = De cijfers van { $organisation } over { $period } moeten uiterlijk { $due } binnen zijn en zijn nog niet verstuurd.
mail-reminder-overdue-body = De cijfers van { $organisation } over { $period } moesten uiterlijk { $due } binnen zijn en ontbreken nog. Stuur ze zo snel mogelijk in.
mail-reminder-button = Formulier openen
mail-reminder-previous = Uw cijfers over { $period }:

## Sector summary

mail-summary-subject = Sectoroverzicht { $month }
mail-summary-open = Inzendingen over { $period }: { $reporting } van { $approved } ondernemingen ({ $rate }%), { $missing } ontbreken.
mail-summary-report = Cijfers over { $period } (verandering ten opzichte van { $previous }):
mail-summary-year = Het jaar tot nu toe, { $coverage } (verandering ten opzichte van { $previous }):
mail-summary-report-button = Sectorrapportage openen
mail-summary-status-button = Bekijk wie nog niet heeft ingestuurd
mail-summary-exact = Exacte cijfers: niet voor publicatie.

## Unsubscribe page

unsubscribe-title = Afmelden
unsubscribe-intro = Stuur { $email } deze e-mail niet meer:
unsubscribe-button = Afmelden
unsubscribe-done = { $email } ontvangt deze e-mail niet meer:

## The operator's outbox page

outbox-nav = Uitgaande post
outbox-title = Uitgaande post
outbox-intro = Elke e-mail van het platform gaat via deze wachtrij. Mislukte e-mails houden hun inhoud en kunnen opnieuw worden verstuurd.
outbox-retried = De e-mail staat weer in de wachtrij.
outbox-pending = In de wachtrij
outbox-sent = Verstuurd
outbox-failed = Mislukt
outbox-filter = E-mails tonen
outbox-all = Alle
outbox-runs = Laatste verzendrondes van overzichten
outbox-kind = Overzicht
outbox-slot = Gepland voor
outbox-mails = E-mails
outbox-no-runs = Er is nog geen overzicht verstuurd.
outbox-mails-heading = E-mails (nieuwste eerst)
outbox-recipient = Aan
outbox-subject = Onderwerp
outbox-status = Status
outbox-created = In de wachtrij gezet
outbox-retry = Opnieuw versturen
outbox-none = Er zijn hier geen e-mails.

## Vocabulary: digest kinds

digest-saved-search-daily = dagelijkse e-mails van bewaarde zoekopdrachten
digest-saved-search-weekly = wekelijkse e-mails van bewaarde zoekopdrachten
digest-sector-summary = maandelijkse sectoroverzichten
digest-reporting-reminders = herinneringen om cijfers in te sturen
